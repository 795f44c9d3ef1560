import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";

export const metadata = pageMetadata("revenue");

export default function RevenuePage() {
  return (
    <ConsolePage slug="revenue">
      <EmptyState title="No revenue synced yet">Refund-adjusted revenue per store, Odoo against Mailchimp, appears here once orders sync. Nothing has been synced yet.</EmptyState>
    </ConsolePage>
  );
}

import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";

export const metadata = pageMetadata("reconciliation");

export default function ReconciliationPage() {
  return (
    <ConsolePage slug="reconciliation">
      <EmptyState title="No sync has run yet">Reconciliation compares every eligible Odoo contact with its Mailchimp member after each run. With no run yet there is nothing to compare.</EmptyState>
    </ConsolePage>
  );
}

import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";

export const metadata = pageMetadata("consent");

export default function ConsentPage() {
  return (
    <ConsolePage slug="consent">
      <EmptyState title="No consent data yet">Unsubscribes and bounces from Mailchimp, and where they disagree with Odoo's blacklist, appear here once audiences are connected and the first sync has run.</EmptyState>
    </ConsolePage>
  );
}

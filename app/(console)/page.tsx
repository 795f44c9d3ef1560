import { ConnectionCards } from "@/components/connection-cards";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { connectionStatuses } from "@/lib/console/connections";

export const metadata = pageMetadata("overview");

export default function OverviewPage() {
  return (
    <ConsolePage slug="overview">
      <ConnectionCards connections={connectionStatuses()} />
      <div className="mt-6">
        <EmptyState title="No sync has run yet">
          Once the first sync run finishes, this page shows how many Odoo customers are in Mailchimp, how many are
          waiting, and how many need someone to look at them.
        </EmptyState>
      </div>
    </ConsolePage>
  );
}

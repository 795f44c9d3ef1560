import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";

export const metadata = pageMetadata("runs");

export default function RunsPage() {
  return (
    <ConsolePage slug="runs">
      <EmptyState title="No sync has run yet">Every run (scheduled, manual or from the command line) is listed here with its batches, counts, timings and retries.</EmptyState>
    </ConsolePage>
  );
}

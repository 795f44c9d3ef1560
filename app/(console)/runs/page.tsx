import { AutoRefresh } from "@/components/auto-refresh";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { StartRunButtons } from "@/components/runs/run-buttons";
import { RunsTable } from "@/components/runs/runs-table";
import { getCurrentUser } from "@/lib/auth/session";
import { ACTIVE_RUN_STATUSES, listRuns } from "@/lib/console/list-runs";
import { CsvLink } from "@/components/csv-link";

export const metadata = pageMetadata("runs");

export default async function RunsPage() {
  const user = await getCurrentUser();
  return (
    <ConsolePage slug="runs" actions={user?.role === "admin" ? <StartRunButtons /> : null}>
      <Runs />
    </ConsolePage>
  );
}

async function Runs() {
  const runs = await listRuns();
  const active = runs.some((r) => (ACTIVE_RUN_STATUSES as readonly string[]).includes(r.status));
  return (
    <>
      <AutoRefresh active={active} />
      {runs.length === 0 ? (
        <EmptyState title="No sync has run yet">
          Every run (scheduled, manual or from the command line) is listed here with its batches, counts, timings and
          retries.
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-right"><CsvLink table="runs" /></p>
          <RunsTable runs={runs} />
        </>
      )}
    </>
  );
}

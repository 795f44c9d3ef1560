import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { formatCount, formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { latestRun } from "@/lib/console/list-runs";

export const metadata = pageMetadata("reconciliation");

export default function ReconciliationPage() {
  return (
    <ConsolePage slug="reconciliation">
      <Reconciliation />
    </ConsolePage>
  );
}

// Read-back reconciliation (asking Mailchimp what it holds and comparing it with Odoo) is not built yet: until
// it is, this page says what the last run did and that nothing here has been checked against Mailchimp.
async function Reconciliation() {
  const run = await latestRun();
  if (!run) {
    return <EmptyState title="No sync has run yet">Reconciliation compares every eligible Odoo contact with its Mailchimp member after each run. With no run yet there is nothing to compare.</EmptyState>;
  }
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5" data-testid="last-run">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Last sync run</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusPill status={run.status} />
        <span>
          {run.mode} · started {formatUtc(run.startedAt ?? run.createdAt)}
          {run.finishedAt && ` · finished ${formatUtc(run.finishedAt)}`}
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {formatCount(run.sent)} records sent, {formatCount(run.failed)} failed, {formatCount(run.exceptions)} exceptions raised.
      </p>
      <p className="mt-4 text-sm text-slate-500">
        Mailchimp read-back is not available yet: Bridgeline does not yet read the audiences back to compare each member with
        Odoo, so these are the numbers of what the run sent, not a check of what Mailchimp holds.
      </p>
    </section>
  );
}

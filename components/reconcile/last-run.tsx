import { formatCount, formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { latestRun } from "@/lib/console/list-runs";

type Run = NonNullable<Awaited<ReturnType<typeof latestRun>>>;

/** What the last run sent (Bridgeline's own account); the read-back below it is what Mailchimp actually holds. */
export function LastRun({ run }: { run: Run }) {
  return (
    <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="last-run">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Last sync run</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <StatusPill status={run.status} />
        <span>
          {run.mode} · started {formatUtc(run.startedAt ?? run.createdAt)}
          {run.finishedAt && ` · finished ${formatUtc(run.finishedAt)}`}
        </span>
        <span>
          · {formatCount(run.sent)} records sent, {formatCount(run.failed)} failed, {formatCount(run.exceptions)} exceptions raised.
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-500">That is what the run sent; what Mailchimp holds is the read-back below.</p>
    </section>
  );
}

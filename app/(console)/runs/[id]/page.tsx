import { notFound } from "next/navigation";
import { isUuid } from "@/lib/is-uuid";
import { AutoRefresh } from "@/components/auto-refresh";
import { ConsolePage } from "@/components/console-page";
import { formatCount, formatDuration, formatUtc } from "@/components/format";
import { AudienceLabel } from "@/components/audience-label";
import { PlanPreview, plannerSummaryOf } from "@/components/runs/plan-preview";
import { ControlRunButtons } from "@/components/runs/run-buttons";
import { audienceNames } from "@/lib/console/audience-names";
import { StatusPill } from "@/components/status-pill";
import { getCurrentUser } from "@/lib/auth/session";
import { canSeeContactDetails } from "@/lib/auth/roles";
import { ACTIVE_RUN_STATUSES, getRunWithBatches, runDurationMs } from "@/lib/console/list-runs";
import { noBatchesText, sampleHeadings } from "@/lib/console/run-wording";
import { DataTable, NumberCell } from "@/components/data-table";
import { RunProgress } from "@/components/runs/run-progress";
import { loadRunProgress } from "@/lib/console/load-run-progress";
import { RunMonitoring } from "@/components/monitoring/run-monitoring";
import { loadRunMonitoring } from "@/lib/console/load-monitoring";
import { CsvLink } from "@/components/csv-link";
import { describeInterruptions, loadRunInterruptions } from "@/lib/console/run-interruptions";
import { getPrisma } from "@/lib/db/client";

export const metadata = { title: "Sync run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <ConsolePage slug="runs">
      <RunDetail id={id} />
    </ConsolePage>
  );
}

async function RunDetail({ id }: { id: string }) {
  if (!isUuid(id)) notFound();
  const [run, user, names, progress, monitoring] = await Promise.all([getRunWithBatches(id), getCurrentUser(), audienceNames(), loadRunProgress(id), loadRunMonitoring(id)]);
  if (!run || !progress || !monitoring) notFound();
  const interrupted = describeInterruptions(await loadRunInterruptions(getPrisma(), run));
  const counters: [string, number][] = [
    ["New", run.plannedNew],
    ["Updated", run.plannedUpdate],
    ["Unchanged", run.unchanged],
    ["Excluded", run.excluded],
    ["Exceptions", run.exceptions],
    ["Sent", run.sent],
    ["Failed", run.failed],
  ];
  return (
    <>
      <AutoRefresh active={(ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status)} />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <StatusPill status={run.status} />
          <span className="font-medium">{run.mode} run{run.dryRun ? " (dry run)" : ""}</span>
          <span className="text-slate-500">trigger {run.trigger}</span>
          <span className="text-slate-500">policy v{run.policyVersion ?? "—"}</span>
          <span className="text-slate-500">started {formatUtc(run.startedAt)}</span>
          <span className="text-slate-500">took {formatDuration(runDurationMs(run))}</span>
          {user?.role === "admin" && (
            <span className="ml-auto">
              <ControlRunButtons runId={run.id} status={run.status} />
            </span>
          )}
        </div>
        {run.error && <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{run.error}</p>}
        {interrupted && <p data-testid="run-interruptions" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{interrupted}</p>}
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {counters.map(([label, n]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatCount(n)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {!run.dryRun && <RunProgress runId={run.id} initial={progress} />}
      {!run.dryRun && (
        <>
          <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Mailchimp traffic</h2>
          <RunMonitoring runId={run.id} initial={monitoring} />
        </>
      )}
      <h2 className="mb-3 mt-8 flex items-baseline text-sm font-semibold uppercase tracking-wide text-slate-500">
        Batches {run.batches.length > 0 && <span className="ml-auto normal-case tracking-normal"><CsvLink table="run-batches" query={{ run: run.id }} /></span>}
      </h2>
      {run.batches.length === 0 ? (
        <p className="text-sm text-slate-500">{noBatchesText(run)}</p>
      ) : (
        <DataTable columns={["#", "Audience", "Kind", "Status", ...["Records", "Sent", "Failed", "Attempts"].map((label) => ({ label, align: "right" as const })), "Error"]}>
              {run.batches.map((b) => (
                <tr key={b.id}>
                  <td className="px-4 py-2 tabular-nums">{b.seq}</td>
                  <td className="px-4 py-2">
                    {b.audienceId ? <AudienceLabel id={b.audienceId} names={names} /> : <span className="text-slate-500">several audiences</span>}
                  </td>
                  <td className="px-4 py-2">{b.kind.replace("_", " ")}</td>
                  <td className="px-4 py-2">
                    <StatusPill status={b.status} />
                  </td>
                  <NumberCell>{formatCount(b.recordCount)}</NumberCell>
                  <NumberCell>{formatCount(b.sentCount)}</NumberCell>
                  <NumberCell>{formatCount(b.failedCount)}</NumberCell>
                  <NumberCell>{b.attempts}</NumberCell>
                  <td className="px-4 py-2 text-xs text-red-700">{b.error ?? ""}</td>
                </tr>
              ))}
            </DataTable>
      )}
      {plannerSummaryOf(run.summary, !!user && canSeeContactDetails(user.role)) && (
        <PlanPreview planner={plannerSummaryOf(run.summary, !!user && canSeeContactDetails(user.role))!} headings={sampleHeadings(run)} names={names} />
      )}
    </>
  );
}

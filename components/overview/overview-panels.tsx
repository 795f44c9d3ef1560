import Link from "next/link";
import { AudienceLabel } from "@/components/audience-label";
import { DataTable, NumberCell } from "@/components/data-table";
import { formatCount, formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { overviewStats } from "@/lib/console/overview-stats";
import { CsvLink } from "@/components/csv-link";

type Stats = Awaited<ReturnType<typeof overviewStats>>;

export function OverviewPanels({ stats, canSeeExceptions, names }: { stats: Stats; canSeeExceptions: boolean; names: Map<string, string> }) {
  const { lastRun, lastSuccess, audiences, openExceptions } = stats;
  const totalSynced = audiences.reduce((n, a) => n + a.synced, 0);
  return (
    <>
      <div className="grid gap-4 md:grid-cols-3">
        <Panel label="Last run">
          {lastRun ? (
            <div className="flex items-center gap-2">
              <StatusPill status={lastRun.status} />
              <span className="text-sm text-slate-600">
                {lastRun.mode} · {formatUtc(lastRun.startedAt ?? lastRun.createdAt)}
              </span>
            </div>
          ) : (
            <span className="text-sm text-slate-500">No sync has run yet</span>
          )}
          <p className="mt-1 text-xs text-slate-500">Last success: {formatUtc(lastSuccess?.finishedAt)}</p>
        </Panel>
        <Panel label="Contacts in Mailchimp (as synced)">
          <span className="text-2xl font-semibold tabular-nums">{formatCount(totalSynced)}</span>
          <p className="mt-1 text-xs text-slate-500">across {audiences.length} audience(s)</p>
        </Panel>
        <Panel label="Open exceptions">
          <span className="text-2xl font-semibold tabular-nums">{formatCount(openExceptions)}</span>
          {canSeeExceptions && openExceptions > 0 && (
            <Link href="/exceptions" className="ml-2 text-xs font-medium text-brand-700 hover:underline">
              Review
            </Link>
          )}
        </Panel>
      </div>
      {audiences.length > 0 && (
        <div className="mt-6">
          <p className="mb-2 text-right"><CsvLink table="overview-audiences" /></p>
          <DataTable columns={["Audience", ...["Synced", "Failed (will retry)", "Open exceptions", "Left scope", "Unsubscribed or cleaned"].map((label) => ({ label, align: "right" as const }))]}>
              {audiences.map((a) => (
                <tr key={a.audienceId}>
                  <td className="px-4 py-2">
                    <AudienceLabel id={a.audienceId} names={names} />
                  </td>
                  {[a.synced, a.failed, a.exception, a.excluded, a.unsubscribedOrCleaned].map((n, i) => (
                    <NumberCell key={i}>{formatCount(n)}</NumberCell>
                  ))}
                </tr>
              ))}
            </DataTable>
        </div>
      )}
    </>
  );
}

function Panel({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h2>
      {children}
    </section>
  );
}

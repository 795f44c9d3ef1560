import Link from "next/link";
import { formatCount, formatDuration, formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { runDurationMs, type RunRow } from "@/lib/console/list-runs";

export function RunsTable({ runs }: { runs: RunRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">Started (UTC)</th>
            <th className="px-4 py-2">Mode</th>
            <th className="px-4 py-2">Trigger</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2 text-right">New</th>
            <th className="px-4 py-2 text-right">Updated</th>
            <th className="px-4 py-2 text-right">Unchanged</th>
            <th className="px-4 py-2 text-right">Excluded</th>
            <th className="px-4 py-2 text-right">Exceptions</th>
            <th className="px-4 py-2 text-right">Sent</th>
            <th className="px-4 py-2 text-right">Failed</th>
            <th className="px-4 py-2 text-right">Duration</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2">
                <Link href={`/runs/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatUtc(r.startedAt ?? r.createdAt)}
                </Link>
              </td>
              <td className="px-4 py-2">
                {r.mode}
                {r.dryRun && <span className="ml-1 text-xs text-slate-500">(dry run)</span>}
              </td>
              <td className="px-4 py-2 text-slate-600">{r.trigger}</td>
              <td className="px-4 py-2">
                <StatusPill status={r.status} />
              </td>
              {[r.plannedNew, r.plannedUpdate, r.unchanged, r.excluded, r.exceptions, r.sent, r.failed].map((n, i) => (
                <td key={i} className="px-4 py-2 text-right tabular-nums">
                  {formatCount(n)}
                </td>
              ))}
              <td className="px-4 py-2 text-right tabular-nums">{formatDuration(runDurationMs(r))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

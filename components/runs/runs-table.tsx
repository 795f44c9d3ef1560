import Link from "next/link";
import { formatCount, formatDuration, formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { runDurationMs, type RunRow } from "@/lib/console/list-runs";
import { DataTable, NumberCell } from "@/components/data-table";

export function RunsTable({ runs }: { runs: RunRow[] }) {
  return (
    <DataTable columns={["Started (UTC)", "Run", "Status", ...["New", "Updated", "Unchanged", "Excluded", "Exceptions", "Sent", "Failed", "Duration"].map((label) => ({ label, align: "right" as const }))]}>
          {runs.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-3 py-2">
                <Link href={`/runs/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatUtc(r.startedAt ?? r.createdAt)}
                </Link>
              </td>
              <td className="px-3 py-2">
                {r.mode}
                {r.dryRun && <span className="ml-1 text-xs text-slate-500">(dry run)</span>}
                <span className="ml-1 text-xs text-slate-500">· {r.trigger}</span>
              </td>
              <td className="px-3 py-2">
                <StatusPill status={r.status} />
              </td>
              {[r.plannedNew, r.plannedUpdate, r.unchanged, r.excluded, r.exceptions, r.sent, r.failed].map((n, i) => (
                <NumberCell key={i}>{formatCount(n)}</NumberCell>
              ))}
              <NumberCell>{formatDuration(runDurationMs(r))}</NumberCell>
            </tr>
          ))}
        </DataTable>
  );
}

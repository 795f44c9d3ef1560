"use client";

import Link from "next/link";
import { useState } from "react";
import { DataTable, NumberCell } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatCount } from "@/components/format";
import type { GapFilter } from "@/lib/console/reconcile/gap-filter";
import { ALL_GAP_KINDS, GAP_KINDS, MEMBER_GAP_KINDS, type GapKind } from "@/lib/reconcile/gap-kinds";
import { GapsTable } from "./gaps-table";
import { PassBar } from "./pass-bar";
import { useReconcileSummary } from "./use-reconcile";
import { CsvLink } from "@/components/csv-link";

const initialFilter: GapFilter = { sort: "email", dir: "asc", page: 1 };

/** The Reconciliation page: which pass is shown, counts per audience and kind, then the gaps themselves. */
export function ReconciliationView({ canAct, names }: { canAct: boolean; names: Record<string, string> }) {
  const summary = useReconcileSummary();
  const [filter, setFilter] = useState<GapFilter>(initialFilter);
  const data = summary.data;
  if (summary.isError) return <p className="text-sm text-red-700">Could not load the reconciliation: {summary.error.message}</p>;
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;
  const polling = !!data.active;
  const pick = (audience: string | undefined, kind: GapKind | undefined) => setFilter({ ...filter, audience, kind, page: 1 });
  // Order kinds once the read-back found a store of ours (the commerce sync runs): before that there is nothing to compare.
  const kinds = data.shown?.stores ? ALL_GAP_KINDS : MEMBER_GAP_KINDS;
  return (
    <div className="space-y-6">
      <PassBar summary={data} canAct={canAct} />
      {!data.shown ? (
        data.hasRun ? (
          <EmptyState title="Mailchimp has not been read back yet">
            A read-back compares every audience in Mailchimp with what Odoo says should be there. It runs after each full sync, on schedule and
            {canAct ? " when you ask for it above." : " when ops or an admin asks for it."}
          </EmptyState>
        ) : (
          <EmptyState title="No sync has run yet">Reconciliation compares every eligible Odoo contact with its Mailchimp member after each run. With no run yet there is nothing to compare.</EmptyState>
        )
      ) : (
        <>
          <p className="text-right"><CsvLink table="reconciliation-audiences" label="Download CSV (audiences)" /></p>
          <DataTable columns={["Audience", { label: "Members", align: "right" }, { label: "Expected", align: "right" }, ...kinds.map((k) => ({ label: GAP_KINDS[k].label, align: "right" as const }))]}>
            {data.audiences.map((a) => (
              <tr key={a.audienceId}>
                <td className="px-3 py-2">{names[a.audienceId] ?? a.audienceId}</td>
                <NumberCell>{formatCount(a.members)}</NumberCell>
                <NumberCell>{formatCount(a.expected)}</NumberCell>
                {kinds.map((k) => (
                  <NumberCell key={k}>
                    {a.gaps[k] > 0 ? (
                      <button className="font-medium text-brand-700 hover:underline" onClick={() => pick(a.audienceId, k)} aria-label={`${GAP_KINDS[k].label} in ${names[a.audienceId] ?? a.audienceId}`}>
                        {formatCount(a.gaps[k])}
                      </button>
                    ) : (
                      <span className="text-slate-400">0</span>
                    )}
                  </NumberCell>
                ))}
              </tr>
            ))}
          </DataTable>
          <GapsTable filter={filter} setFilter={setFilter} names={names} canAct={canAct} passId={data.shown.id} polling={polling} />
        </>
      )}
      <p className="text-xs text-slate-500">
        Open one email across every audience: <Link href="/reconciliation/record" className="text-brand-700 hover:underline">record view</Link>.
      </p>
    </div>
  );
}

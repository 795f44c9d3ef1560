"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { DataTable } from "@/components/data-table";
import { formatCount } from "@/components/format";
import type { GapFilter } from "@/lib/console/reconcile/gap-filter";
import { ALL_GAP_KINDS, GAP_KINDS, isOrderGapKind, isRepairable, type GapKind, type RepairableKind } from "@/lib/reconcile/gap-kinds";
import { describeGap, describeRepair, gapLabel } from "./gap-labels";
import { gapSearch, useGaps, useReconcileActions } from "./use-reconcile";
import { Pager } from "@/components/pager";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** The gaps of the shown pass: filtered, searched, sorted and paged by the server; exportable as CSV. */
export function GapsTable({ filter, setFilter, names, canAct, passId, polling }: { filter: GapFilter; setFilter: (f: GapFilter) => void; names: Record<string, string>; canAct: boolean; passId: string | null; polling: boolean }) {
  const gaps = useGaps(filter, passId, polling);
  const { repair } = useReconcileActions();
  const [search, setSearch] = useState(filter.q ?? "");
  const [notice, setNotice] = useState<string>();
  // Typing searches after a pause, not on every key (each search is a query on the server).
  useEffect(() => {
    const t = setTimeout(() => (search !== (filter.q ?? "") ? setFilter({ ...filter, q: search || undefined, page: 1 }) : undefined), 300);
    return () => clearTimeout(t);
  }, [search, filter, setFilter]);
  const set = (patch: Partial<GapFilter>) => setFilter({ ...filter, page: 1, ...patch });
  const data = gaps.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const run = (input: { kind: RepairableKind; email?: string; audienceId?: string; subject?: string }) =>
    repair.mutate(input, {
      onSuccess: (r) => setNotice(describeRepair(r, false)),
      onError: () => setNotice(undefined),
    });
  const kind = filter.kind;
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Audience" className={field} value={filter.audience ?? ""} onChange={(e) => set({ audience: e.target.value || undefined })}>
          <option value="">All audiences</option>
          {Object.entries(names).map(([id, name]) => (
            <option key={id} value={id}>{name}</option>
          ))}
        </select>
        <select aria-label="Gap kind" className={field} value={kind ?? ""} onChange={(e) => set({ kind: (e.target.value || undefined) as GapKind | undefined })}>
          <option value="">Every kind</option>
          {ALL_GAP_KINDS.map((k) => (
            <option key={k} value={k}>{GAP_KINDS[k].label}</option>
          ))}
        </select>
        <input aria-label="Search email" placeholder="Search email" className={`${field} w-56`} value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Sort" className={field} value={`${filter.sort}:${filter.dir}`} onChange={(e) => { const [sort, dir] = e.target.value.split(":") as [GapFilter["sort"], GapFilter["dir"]]; set({ sort, dir }); }}>
          <option value="email:asc">Email A→Z</option>
          <option value="email:desc">Email Z→A</option>
          <option value="kind:asc">Kind</option>
          <option value="audience:asc">Audience</option>
        </select>
        <a data-testid="csv-link" data-table="reconciliation-gaps" className="text-sm font-medium text-brand-700 hover:underline" href={`/api/reconcile/gaps/export?${gapSearch({ audience: filter.audience, kind, q: filter.q })}`}>Download CSV</a>
        {canAct && kind && isRepairable(kind) && data && data.total > 0 && (
          <button className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium disabled:opacity-50" disabled={repair.isPending} onClick={() => run({ kind, ...(filter.audience ? { audienceId: filter.audience } : {}) })}>
            {GAP_KINDS[kind].repair === "consent_writeback" ? "Write all back to Odoo" : `Repair all ${formatCount(data.total)}`}
          </button>
        )}
      </div>
      {kind && <p className="text-xs text-slate-500">{GAP_KINDS[kind].explain}</p>}
      {notice && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{notice}</p>}
      {repair.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{repair.error.message}</p>}
      <DataTable columns={["Email", "Audience", "Kind", "What differs", "Odoo ids", ...(canAct ? [""] : [])]}>
        {data?.rows.length === 0 && (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-500">{filter.kind || filter.q || filter.audience ? "No gap matches these filters." : "No gaps: Mailchimp holds what Odoo says it should."}</td>
          </tr>
        )}
        {data?.rows.map((g) => (
          <tr key={g.id}>
            <td className="px-3 py-2">{g.email ? <Link className="text-brand-700 hover:underline" href={`/reconciliation/record?email=${encodeURIComponent(g.email)}`}>{g.email}</Link> : "—"}</td>
            <td className="px-3 py-2">{names[g.audienceId] ?? g.audienceId}</td>
            <td className="px-3 py-2 whitespace-nowrap">{gapLabel(g.kind)}</td>
            <td className="px-3 py-2 text-slate-600">{describeGap(g.kind, g.detail)}</td>
            <td className="px-3 py-2 tabular-nums text-slate-500">{g.partnerIds.join(", ")}</td>
            {canAct && (
              <td className="px-3 py-2 text-right">
                {isRepairable(g.kind) && (
                  <button className="text-sm font-medium text-brand-700 hover:underline disabled:opacity-50" disabled={repair.isPending} onClick={() => isRepairable(g.kind) && run({ kind: g.kind, audienceId: g.audienceId, ...(isOrderGapKind(g.kind) ? { subject: g.subject } : { email: g.email }) })}>
                    {g.kind === "consent_drift" ? "Write back" : "Repair"}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pager summary={data ? `${formatCount(data.total)} gap(s)` : gaps.isError ? `Could not load gaps: ${gaps.error.message}` : "Loading…"} page={filter.page} pages={pages} onPage={(page) => setFilter({ ...filter, page })} />
    </section>
  );
}

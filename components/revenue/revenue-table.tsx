"use client";

import { NumberCell } from "@/components/data-table";
import { formatMoney } from "@/components/format";
import type { Wire } from "@/components/reconcile/use-reconcile";
import type { RevenueData } from "@/lib/console/revenue/list-revenue";
import type { RevenueCell, RevenueFilter } from "@/lib/console/revenue/revenue-filter";
import { Pager } from "@/components/pager";

type Sort = RevenueFilter["sort"];
const COLUMNS: { label: string; sort?: Sort; right?: boolean }[] = [
  { label: "Month", sort: "month" }, { label: "Company", sort: "company" }, { label: "Currency", sort: "currency" },
  { label: "Gross", right: true }, { label: "Refunds", right: true }, { label: "Cancellations", right: true }, { label: "Net (Odoo)", sort: "net", right: true },
  { label: "Not for Mailchimp", right: true }, { label: "Net (Mailchimp)", right: true }, { label: "Difference", sort: "difference", right: true },
];

/**
 * Revenue per month, company and currency, sorted and paged by the server. Every difference opens the orders
 * behind it; with no store of ours in Mailchimp there is nothing to compare, so the Mailchimp columns say so.
 */
export function RevenueTable({ data, filter, setFilter, open, selected }: {
  data: Wire<RevenueData>; filter: RevenueFilter; setFilter: (f: RevenueFilter) => void; open: (cell: RevenueCell) => void; selected: RevenueCell | null;
}) {
  const compared = data.stores.length > 0;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const sortBy = (sort: Sort) => setFilter({ ...filter, sort, dir: filter.sort === sort && filter.dir === "desc" ? "asc" : "desc", page: 1 });
  return (
    <section className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="revenue-table">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.label} className={`whitespace-nowrap px-3 py-2 ${c.right ? "text-right" : ""}`} aria-sort={c.sort && filter.sort === c.sort ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}>
                  {c.sort ? (
                    <button className="uppercase hover:text-slate-800" onClick={() => sortBy(c.sort!)}>
                      {c.label}{filter.sort === c.sort ? (filter.dir === "asc" ? " ↑" : " ↓") : ""}
                    </button>
                  ) : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((r) => {
              const cell: RevenueCell = { month: r.month, company: r.companyId, currency: r.currency, onlyDiffering: true, page: 1 };
              const isSelected = selected?.month === r.month && selected.company === r.companyId && selected.currency === r.currency;
              return (
                <tr key={`${r.month}-${r.companyId}-${r.currency}`} className={isSelected ? "bg-brand-50" : undefined}>
                  <td className="px-3 py-2 tabular-nums">{r.month}</td>
                  <td className="px-3 py-2">{r.companyName || `#${r.companyId}`}</td>
                  <td className="px-3 py-2">{r.currency}</td>
                  <NumberCell>{formatMoney(r.odooGross)}</NumberCell>
                  <NumberCell>{formatMoney(r.odooRefunds)}</NumberCell>
                  <NumberCell>{formatMoney(r.odooCancellations)}</NumberCell>
                  <NumberCell>{formatMoney(r.odooNet)}</NumberCell>
                  <NumberCell>{formatMoney(r.odooNotForMailchimp)}</NumberCell>
                  <NumberCell>{compared ? formatMoney(r.mailchimpNet) : <span className="text-slate-400">—</span>}</NumberCell>
                  <NumberCell>
                    {!compared ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <button
                        className={`hover:underline ${r.difference === 0 ? "text-slate-500" : "font-semibold text-red-700"}`}
                        aria-label={`Orders behind ${r.month} ${r.companyName} ${r.currency}`}
                        onClick={() => open(r.difference === 0 ? { ...cell, onlyDiffering: false } : cell)}
                      >
                        {formatMoney(r.difference)}
                      </button>
                    )}
                  </NumberCell>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager summary={`${data.total} month(s) × company × currency`} page={filter.page} pages={pages} onPage={(page) => setFilter({ ...filter, page })} />
    </section>
  );
}

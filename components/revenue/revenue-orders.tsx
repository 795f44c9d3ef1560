"use client";

import Link from "next/link";
import { DataTable, NumberCell } from "@/components/data-table";
import { formatMoney } from "@/components/format";
import type { RevenueCell } from "@/lib/console/revenue/revenue-filter";
import { useRevenueOrders } from "./use-revenue";
import { CsvLink } from "@/components/csv-link";
import { Pager } from "@/components/pager";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
const money = (n: number | null) => (n === null ? <span className="text-slate-400">—</span> : formatMoney(n));

/** The drill-down: the orders behind one month, company and currency, Odoo beside Mailchimp, largest differences first. */
export function RevenueOrders({ cell, setCell, passId }: { cell: RevenueCell; setCell: (c: RevenueCell | null) => void; passId: string | null }) {
  const orders = useRevenueOrders(cell, passId);
  const data = orders.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="revenue-orders">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-800">Orders behind {cell.month}, company #{cell.company}, {cell.currency}</h3>
        <div className="flex items-center gap-3 text-sm">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={cell.onlyDiffering} onChange={(e) => setCell({ ...cell, onlyDiffering: e.target.checked, page: 1 })} />
            Only orders that differ
          </label>
          {!!data?.total && <CsvLink table="revenue-orders" query={{ month: cell.month, company: String(cell.company), currency: cell.currency, onlyDiffering: String(cell.onlyDiffering) }} />}
          <button className={field} onClick={() => setCell(null)}>Close</button>
        </div>
      </div>
      <DataTable columns={["Order", "Odoo", { label: "Total", align: "right" }, { label: "Refunds", align: "right" }, { label: "Net (Odoo)", align: "right" }, "Buyer", "Mailchimp", { label: "Total", align: "right" }, { label: "Net (Mailchimp)", align: "right" }, { label: "Difference", align: "right" }]}>
        {data?.rows.length === 0 && (
          <tr>
            <td colSpan={10} className="px-3 py-6 text-center text-slate-500">{cell.onlyDiffering ? "Every order agrees: Odoo and Mailchimp hold the same amounts." : "No orders in this month."}</td>
          </tr>
        )}
        {data?.rows.map((o) => (
          <tr key={o.orderId}>
            <td className="px-3 py-2 whitespace-nowrap">{o.name ?? "—"} <span className="text-xs text-slate-500">{o.orderId}</span></td>
            <td className="px-3 py-2">{o.odooState === "sale" ? (o.forMailchimp ? "confirmed" : "confirmed, buyer in no audience") : o.odooState === "cancel" ? "cancelled" : <span className="text-slate-500">not in Odoo</span>}</td>
            <NumberCell>{money(o.odooTotal)}</NumberCell>
            <NumberCell>{money(o.odooRefunds)}</NumberCell>
            <NumberCell>{formatMoney(o.odooNet)}</NumberCell>
            <td className="px-3 py-2">{o.email ? <Link className="text-brand-700 hover:underline" href={`/reconciliation/record?email=${encodeURIComponent(o.email)}`}>{o.email}</Link> : "—"}</td>
            <td className="px-3 py-2">{o.storeId ? o.mailchimpStatus || "open" : <span className="text-slate-500">not in Mailchimp</span>}</td>
            <NumberCell>{money(o.mailchimpTotal)}</NumberCell>
            <NumberCell>{formatMoney(o.mailchimpNet)}</NumberCell>
            <NumberCell><span className={o.difference === 0 ? "text-slate-500" : "font-semibold text-red-700"}>{formatMoney(o.difference)}</span></NumberCell>
          </tr>
        ))}
      </DataTable>
      <Pager summary={data ? `${data.total} order(s)` : orders.isError ? `Could not load orders: ${orders.error.message}` : "Loading…"} page={cell.page} pages={pages} onPage={(page) => setCell({ ...cell, page })} />
    </section>
  );
}

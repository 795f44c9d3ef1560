"use client";

import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { formatMoney } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { RevenueCell, RevenueFilter } from "@/lib/console/revenue/revenue-filter";
import { RevenueChart } from "./revenue-chart";
import { RevenueOrders } from "./revenue-orders";
import { RevenueTable } from "./revenue-table";
import { querySearch, useRevenue } from "./use-revenue";

const initialFilter: RevenueFilter = { sort: "month", dir: "desc", page: 1 };
const at = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "—");

/**
 * Finance's page: revenue per month, company and currency as Odoo's books have it (confirmed orders, posted credit
 * notes, cancellations) against what Mailchimp's e-commerce data holds, from the latest read-back.
 */
export function RevenueView() {
  const [filter, setFilter] = useState<RevenueFilter>(initialFilter);
  const [cell, setCell] = useState<RevenueCell | null>(null);
  const [chartCurrency, setChartCurrency] = useState<string>();
  const revenue = useRevenue(filter);
  const data = revenue.data;
  if (revenue.isError) return <p className="text-sm text-red-700">Could not load revenue: {revenue.error.message}</p>;
  if (!data) return <p className="text-sm text-slate-500">Loading…</p>;
  const running = data.active && (
    <p className="flex items-center gap-2 text-sm text-brand-700">
      <StatusPill status={data.active.status} /> A read-back started at {at(data.active.createdAt)} UTC is under way; {data.passId ? "the numbers below stay those of the previous one until it ends." : "this page fills when it ends."}
    </p>
  );
  if (!data.passId) {
    return (
      <div className="space-y-4">
        {running}
        <EmptyState title="Mailchimp has not been read back yet">
          Revenue comes from the reconciliation read-back, which reads Odoo&apos;s orders and credit notes and Mailchimp&apos;s e-commerce orders side by side. It runs after each full sync and on schedule, and ops or an admin can start one from Reconciliation. None has finished yet.
        </EmptyState>
      </div>
    );
  }
  const compared = data.stores.length > 0;
  if (data.rows.length === 0 && data.total === 0 && !compared) {
    return (
      <div className="space-y-4">
        {running}
        <EmptyState title="No orders and no stores yet">
          The read-back of {at(data.finishedAt)} UTC found no confirmed order in Odoo and no Bridgeline store in Mailchimp: there is no revenue to show.
        </EmptyState>
      </div>
    );
  }
  const currency = chartCurrency && data.currencies.includes(chartCurrency) ? chartCurrency : data.currencies[0];
  const totals = currency ? (data.series[currency] ?? []).reduce((t, p) => ({ net: t.net + p.net, expected: t.expected + p.expectedInMailchimp, mc: t.mc + p.mailchimpNet }), { net: 0, expected: 0, mc: 0 }) : null;
  const open = (c: RevenueCell) => setCell(c);
  return (
    <div className="space-y-6">
      <section className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div className="space-y-1">
          <p>
            Read-back of <strong>{at(data.finishedAt)}</strong> UTC: {compared ? `${data.stores.length} Bridgeline store(s) in Mailchimp.` : "no Bridgeline store in Mailchimp."}
          </p>
          {running}
        </div>
        <a data-testid="csv-link" data-table="revenue" className="font-medium text-brand-700 hover:underline" href={`/api/revenue/export?${querySearch({ sort: filter.sort, dir: filter.dir, currency: filter.currency })}`} download>
          Download CSV
        </a>
      </section>
      {!compared && (
        <p role="status" data-testid="no-stores" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Mailchimp holds no e-commerce store of Bridgeline&apos;s yet: no order has been sent to Mailchimp, so there is nothing to compare and the Mailchimp columns are empty. The Odoo columns are the books as of the read-back.
        </p>
      )}
      {/* The chart above the table, not beside it: the table has 13 columns and needs the width to stay readable. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <div className="space-y-3">
          {data.currencies.length > 1 && (
            <select aria-label="Chart currency" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" value={currency} onChange={(e) => setChartCurrency(e.target.value)}>
              {data.currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          )}
          {currency && <RevenueChart points={data.series[currency] ?? []} currency={currency} showMailchimp={compared} />}
          {totals && currency && (
            <p className="text-sm text-slate-600" data-testid="revenue-totals">
              All months in {currency}: net {formatMoney(totals.net)} in Odoo, {formatMoney(totals.expected)} of it for Mailchimp{compared ? `; ${formatMoney(totals.mc)} in Mailchimp, difference ${formatMoney(totals.expected - totals.mc)}` : ""}.
            </p>
          )}
        </div>
        <RevenueTable data={data} filter={filter} setFilter={setFilter} open={open} selected={cell} />
      </div>
      {cell && <RevenueOrders cell={cell} setCell={setCell} passId={data.passId} />}
      <p className="text-xs text-slate-500">
        Gross is confirmed orders (and cancelled ones that had been invoiced or sent to Mailchimp); refunds are posted credit notes linked to an order; net is gross minus cancellations and refunds. &quot;Not for Mailchimp&quot; is the net of orders whose buyer no audience takes (never sent); the difference is the rest of the net minus Mailchimp&apos;s. Everything counts in the month of the order.
      </p>
    </div>
  );
}

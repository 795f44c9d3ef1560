"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/components/format";
import type { RevenuePoint } from "@/lib/console/revenue/list-revenue";

/** Gross, refunds, cancellations and net per month in one currency (two currencies are never drawn on one axis). */
export function RevenueChart({ points, currency, showMailchimp }: { points: RevenuePoint[]; currency: string; showMailchimp: boolean }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="revenue-chart">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Gross, refunds and net per month ({currency})</h3>
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="month" fontSize={11} />
            <YAxis fontSize={11} width={70} tickFormatter={(v: number) => v.toLocaleString("en-US")} />
            <Tooltip formatter={(v) => formatMoney(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="gross" name="Gross (Odoo)" stroke="#4f46e5" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="refunds" name="Refunds" stroke="#dc2626" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="cancellations" name="Cancellations" stroke="#d97706" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="net" name="Net (Odoo)" stroke="#059669" strokeWidth={2} dot={false} isAnimationActive={false} />
            {showMailchimp && <Line type="monotone" dataKey="mailchimpNet" name="Net (Mailchimp)" stroke="#0891b2" strokeDasharray="4 3" dot={false} isAnimationActive={false} />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

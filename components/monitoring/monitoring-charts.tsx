"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/components/format";
import type { MonitoringView } from "@/lib/console/describe-monitoring";

const COLOURS = ["#4f46e5", "#0891b2", "#059669", "#d97706", "#db2777", "#64748b"];
const ERROR_COLOURS = ["#dc2626", "#9333ea", "#be123c", "#7c2d12"];
const tick = (step: "minute" | "day") => (iso: string) => (step === "minute" ? iso.slice(11, 16) : iso.slice(5, 10));

/**
 * Mailchimp calls by endpoint, throttles, retries and errors by kind, the governor's queue (calls waiting for a
 * connection, and their waits) and, for a run, records per second, drawn from the worker's per-minute counts.
 * `step` says what one point is.
 */
export function MonitoringCharts({ view, step, csv }: { view: MonitoringView; step: "minute" | "day"; csv?: React.ReactNode }) {
  const format = tick(step);
  const unit = step === "minute" ? "per minute (UTC)" : "per day (UTC)";
  const hasRecords = view.points.some((p) => p.recordsPerSecond !== undefined);
  // A line through one or two points is invisible without its dots (a short run fits in a minute).
  const dot = view.points.length <= 3;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Chart title={`Requests by endpoint, ${unit}`} testId="chart-requests">
        <BarChart data={view.points}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="at" tickFormatter={format} fontSize={11} />
          <YAxis fontSize={11} width={50} allowDecimals={false} />
          <Tooltip labelFormatter={(l) => String(l).replace("T", " ").slice(0, 16)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {view.endpoints.map((e, i) => (
            <Bar key={e} dataKey={(p: { byEndpoint: Record<string, number> }) => p.byEndpoint[e] ?? 0} name={e} stackId="calls" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </Chart>
      <Chart title={`Throttles (429), retries and errors by kind, ${unit}`} testId="chart-errors">
        <LineChart data={view.points}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="at" tickFormatter={format} fontSize={11} />
          <YAxis fontSize={11} width={50} allowDecimals={false} />
          <Tooltip labelFormatter={(l) => String(l).replace("T", " ").slice(0, 16)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line dataKey="throttles" name="Throttled (429)" stroke="#d97706" dot={dot} isAnimationActive={false} />
          <Line dataKey="retried" name="Retried" stroke="#64748b" strokeDasharray="4 3" dot={dot} isAnimationActive={false} />
          {view.errorKinds.length === 0 && <Line dataKey="errors" name="Other errors" stroke="#dc2626" dot={dot} isAnimationActive={false} />}
          {view.errorKinds.map((k, i) => (
            <Line key={k} dataKey={(p: { errorsByKind: Record<string, number> }) => p.errorsByKind[k] ?? 0} name={`Error: ${k}`} stroke={ERROR_COLOURS[i % ERROR_COLOURS.length]} dot={dot} isAnimationActive={false} />
          ))}
        </LineChart>
      </Chart>
      {hasRecords && (
        <Chart title={`Records per second, ${unit}`} testId="chart-throughput">
          <LineChart data={view.points}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="at" tickFormatter={format} fontSize={11} />
            <YAxis fontSize={11} width={50} />
            <Tooltip labelFormatter={(l) => String(l).replace("T", " ").slice(0, 16)} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Line dataKey="recordsPerSecond" name="Records / s" stroke="#059669" strokeWidth={2} dot={dot} isAnimationActive={false} />
          </LineChart>
        </Chart>
      )}
      <Chart title={`Governor queue: calls waiting for a Mailchimp slot (10 per key), ${unit}`} testId="chart-queue">
        <LineChart data={view.points}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="at" tickFormatter={format} fontSize={11} />
          <YAxis yAxisId="queued" fontSize={11} width={50} />
          <YAxis yAxisId="wait" orientation="right" fontSize={11} width={60} unit=" ms" />
          <Tooltip labelFormatter={(l) => String(l).replace("T", " ").slice(0, 16)} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line yAxisId="queued" dataKey="queued" name="Calls waiting (mean)" stroke="#0891b2" strokeWidth={2} dot={dot} isAnimationActive={false} />
          <Line yAxisId="wait" dataKey="avgWaitMs" name="Mean wait" stroke="#4f46e5" dot={dot} isAnimationActive={false} />
          <Line yAxisId="wait" dataKey="maxWaitMs" name="Longest wait" stroke="#94a3b8" strokeDasharray="4 3" dot={dot} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="endpoint-totals">
        <h3 className="mb-2 flex items-baseline text-xs font-semibold uppercase tracking-wide text-slate-500">By endpoint {csv && <span className="ml-auto normal-case tracking-normal">{csv}</span>}</h3>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1">Endpoint</th><th className="py-1 text-right">Calls</th><th className="py-1 text-right">429</th><th className="py-1 text-right">Errors</th><th className="py-1 text-right">Mean ms</th></tr>
          </thead>
          <tbody>
            {view.byEndpoint.map((e) => (
              <tr key={e.endpoint} className="border-t border-slate-100">
                <td className="py-1 font-mono text-xs">{e.endpoint}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(e.calls)}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(e.throttles)}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(e.errors)}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(e.avgMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">
          {formatCount(view.totals.calls)} calls; {formatCount(view.totals.retried)} failed and retried (throttles and transient errors);
          {" "}{Object.entries(view.totals.errorsByKind).map(([k, n]) => `${k} ${formatCount(n)}`).join(", ") || "no failures"}; mean wait for a connection {formatCount(view.totals.avgWaitMs)} ms, longest {formatCount(view.totals.maxWaitMs)} ms.
        </p>
      </section>
    </div>
  );
}

function Chart({ title, testId, children }: { title: string; testId: string; children: React.ReactElement }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
      </div>
    </section>
  );
}

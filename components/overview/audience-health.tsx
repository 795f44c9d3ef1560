"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/components/format";
import { useAudienceHealth } from "@/components/reconcile/use-reconcile";

const VERDICT = {
  ready: { label: "Ready to send", tone: "bg-emerald-50 text-emerald-700 border-emerald-200" },
  caution: { label: "Send with caution", tone: "bg-amber-50 text-amber-800 border-amber-200" },
  not_ready: { label: "Not ready", tone: "bg-red-50 text-red-700 border-red-200" },
} as const;

const STATUSES = ["subscribed", "pending", "transactional", "unsubscribed", "cleaned"];
const COLORS = ["#4f46e5", "#059669", "#d97706", "#dc2626", "#0891b2", "#7c3aed"];

/** Marketing's question per audience, "can I send to it now?", with the reasons, the members and the trend. */
export function AudienceHealthPanel({ names }: { names: Record<string, string> }) {
  const health = useAudienceHealth();
  if (health.isError) return <p className="text-sm text-red-700">Could not load audience health: {health.error.message}</p>;
  const data = health.data;
  if (!data) return <p className="text-sm text-slate-500">Loading audience health…</p>;
  if (data.cards.length === 0) return <p className="text-sm text-slate-500">No audience yet: the policy routes nobody to Mailchimp.</p>;
  const name = (id: string) => names[id] ?? id;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        {data.cards.map((c) => (
          <section key={c.audienceId} data-testid="audience-health" className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold">{name(c.audienceId)}</h3>
              <span className={`rounded-full border px-2.5 py-0.5 text-xs font-semibold ${VERDICT[c.verdict].tone}`}>{VERDICT[c.verdict].label}</span>
            </div>
            {c.reasons.length > 0 ? (
              <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">{c.reasons.map((r, i) => <li key={i}>{r.text}</li>)}</ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Synced and read back; Mailchimp holds what Odoo says it should.</p>
            )}
            <dl className="mt-3 grid grid-cols-3 gap-2 text-xs sm:grid-cols-6">
              <Stat label="Members" value={c.members} />
              {STATUSES.map((s) => <Stat key={s} label={s} value={c.members === null ? null : (c.byStatus[s] ?? 0)} />)}
            </dl>
          </section>
        ))}
      </div>
      <p className="text-xs text-slate-500">
        Last successful sync {at(data.lastSyncAt)} · last read-back {at(data.lastReadBackAt)} (UTC).
      </p>
      {data.trend.length > 1 ? <Trend trend={data.trend} name={name} /> : <p className="text-xs text-slate-500">The trend appears after two read-backs.</p>}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number | null }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-semibold tabular-nums">{value === null ? "—" : formatCount(value)}</dd>
    </div>
  );
}

const at = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "never");

type TrendPoint = { passId: string; at: string; audienceId: string; members: number; gaps: number };

/** Members and gaps of ours per audience over the last read-backs: one line each. */
function Trend({ trend, name }: { trend: TrendPoint[]; name: (id: string) => string }) {
  const audiences = [...new Set(trend.map((t) => t.audienceId))];
  const rows = new Map<string, Record<string, string | number>>();
  for (const t of trend) {
    const row = rows.get(t.passId) ?? { at: t.at.slice(5, 16).replace("T", " ") };
    row[`${t.audienceId}:members`] = t.members;
    row[`${t.audienceId}:gaps`] = t.gaps;
    rows.set(t.passId, row);
  }
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Members and gaps per read-back</h3>
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...rows.values()]}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="at" fontSize={11} />
            <YAxis yAxisId="members" fontSize={11} allowDecimals={false} />
            <YAxis yAxisId="gaps" orientation="right" fontSize={11} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {audiences.flatMap((id, i) => [
              <Line key={`${id}m`} yAxisId="members" type="monotone" dataKey={`${id}:members`} name={`${name(id)} members`} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />,
              <Line key={`${id}g`} yAxisId="gaps" type="monotone" dataKey={`${id}:gaps`} name={`${name(id)} gaps`} stroke={COLORS[i % COLORS.length]} strokeDasharray="4 3" dot={false} isAnimationActive={false} />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

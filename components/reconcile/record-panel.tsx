"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { StatusPill } from "@/components/status-pill";
import { isOrderGapKind, isRepairable } from "@/lib/reconcile/gap-kinds";
import { describeGap, describeRepair, gapLabel } from "./gap-labels";
import { useReconcileActions, useReconcileSummary, useRecord } from "./use-reconcile";
import { CsvLink } from "@/components/csv-link";

const at = (iso: string | null | undefined) => (iso ? iso.replace("T", " ").slice(0, 19) : "—");
const show = (v: unknown) => (v === undefined ? "—" : v === "" ? "(empty)" : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

/** The record view: search box, then per audience the three columns, the gaps with their repair, and the history. */
export function RecordPanel({ email, canAct, names }: { email: string; canAct: boolean; names: Record<string, string> }) {
  const router = useRouter();
  const [input, setInput] = useState(email);
  const summary = useReconcileSummary();
  // Polls while a pass runs (summary), and reloads by itself when a newer pass is shown (the key holds its id).
  const record = useRecord(email, summary.data?.shown?.id ?? null, !!summary.data?.active);
  const { repair } = useReconcileActions();
  const [notice, setNotice] = useState<string>();
  const data = record.data;
  return (
    <div className="space-y-6">
      <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); router.push(`/reconciliation/record?email=${encodeURIComponent(input.trim())}`); }}>
        <input aria-label="Email" className="w-80 rounded-md border border-slate-300 px-2 py-1 text-sm" placeholder="someone@example.org" value={input} onChange={(e) => setInput(e.target.value)} />
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">Open</button>
        <Link href="/reconciliation" className="ml-auto self-center text-sm text-brand-700 hover:underline">Back to gaps</Link>
      </form>
      {email === "" && <p className="text-sm text-slate-500">Enter an email to see it in Odoo, in what Bridgeline sent, and in Mailchimp.</p>}
      {record.isError && <p className="text-sm text-red-700">Could not load {email}: {record.error.message}</p>}
      {email !== "" && !data && !record.isError && <p className="text-sm text-slate-500">Loading…</p>}
      {notice && <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{notice}</p>}
      {repair.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{repair.error.message}</p>}
      {data && (
        <>
          <p className="text-sm text-slate-600">
            <strong>{data.email}</strong> · Odoo partner ids {data.partnerIds.join(", ") || "none"} · compared at the read-back of {at(data.passFinishedAt)} UTC.
            Odoo owns the merge fields and tags; Mailchimp owns the subscription status.
          </p>
          {data.audiences.length === 0 && <p className="text-sm text-slate-500">Neither Odoo, Bridgeline nor the last read-back knows this email.</p>}
          {data.audiences.length > 0 && <p className="text-right"><CsvLink table="record-fields" query={{ email: data.email }} label="Download CSV (fields, every audience)" /></p>}
          {data.audiences.map((a) => (
            <section key={a.audienceId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">{names[a.audienceId] ?? a.audienceId}</h2>
              <p className="text-xs text-slate-500">
                {a.routedByOdoo ? "Odoo routes it here" : "Odoo does not route it here"} · {a.managedByBridgeline ? "managed by Bridgeline" : "not managed by Bridgeline"} · {a.inMailchimp ? "in Mailchimp" : "not in Mailchimp"}
                {a.syncRecord && <> · last sync {a.syncRecord.lastStatus} at {at(a.syncRecord.lastSyncedAt)}{a.syncRecord.lastError ? ` (${a.syncRecord.lastError})` : ""}</>}
              </p>
              <DataTable columns={["Field", "Owner", "Odoo", "Last sent by Bridgeline", "Mailchimp"]}>
                {a.fields.map((f) => (
                  <tr key={f.field} className={f.differs ? "bg-amber-50" : ""}>
                    <td className="px-3 py-1.5 font-mono text-xs">{f.field}</td>
                    <td className="px-3 py-1.5 text-xs">{f.owner === "odoo" ? "Odoo" : "Mailchimp"}</td>
                    <td className="px-3 py-1.5">{show(f.odoo)}</td>
                    <td className="px-3 py-1.5">{show(f.sent)}</td>
                    <td className="px-3 py-1.5">{show(f.mailchimp)}</td>
                  </tr>
                ))}
              </DataTable>
              {a.lastSent && <p className="text-xs text-slate-500">Last sent in run <Link className="text-brand-700 hover:underline" href={`/runs/${a.lastSent.runId}`}>{a.lastSent.runId.slice(0, 8)}</Link> at {at(a.lastSent.at)}.</p>}
              {a.gaps.map((g) => (
                <div key={`${g.kind}:${g.subject}`} className="flex items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm">
                  <span><strong>{gapLabel(g.kind)}</strong>: {describeGap(g.kind, g.detail as Record<string, unknown>)}</span>
                  {canAct && isRepairable(g.kind) && (
                    <button
                      className="rounded-md bg-brand-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
                      disabled={repair.isPending}
                      onClick={() => isRepairable(g.kind) && repair.mutate({ kind: g.kind, audienceId: a.audienceId, ...(isOrderGapKind(g.kind) ? { subject: g.subject } : { email: data.email }) }, {
                        onSuccess: (r) => setNotice(describeRepair(r, true)),
                      })}
                    >
                      {g.kind === "consent_drift" ? "Write back to Odoo" : "Repair"}
                    </button>
                  )}
                </div>
              ))}
            </section>
          ))}
          <History history={data.history} names={names} email={data.email} />
        </>
      )}
    </div>
  );
}

type HistoryData = NonNullable<ReturnType<typeof useRecord>["data"]>["history"];

function History({ history, names, email }: { history: HistoryData; names: Record<string, string>; email: string }) {
  return (
    <section className="space-y-3">
      <h2 className="flex items-baseline font-semibold">History <span className="ml-auto font-normal"><CsvLink table="record-history" query={{ email }} /></span></h2>
      <DataTable columns={["When", "What", "Audience", "Detail"]}>
        {[
          ...history.runs.map((r) => ({ at: r.at, what: <>Run <Link className="text-brand-700 hover:underline" href={`/runs/${r.runId}`}>{r.runId.slice(0, 8)}</Link> ({r.mode}, {r.trigger})</>, audience: r.audienceId, detail: <><StatusPill status={r.batchStatus} /> {r.batchKind}{r.departure ? ", managed tags removed" : ""}{r.tagsToAdd.length ? `, +${r.tagsToAdd.join(" +")}` : ""}{r.tagsToRemove.length ? `, -${r.tagsToRemove.join(" -")}` : ""}</> })),
          ...history.webhooks.map((w) => ({ at: w.firedAt ?? w.receivedAt, what: <>Consent event ({w.source})</>, audience: w.listId, detail: <>{w.type} · <StatusPill status={w.status} /></> })),
          ...history.writebacks.map((w) => ({ at: w.createdAt, what: <>Write-back to Odoo</>, audience: w.audienceId, detail: <>{w.action} {w.target} · <StatusPill status={w.status} />{w.lastError ? ` ${w.lastError}` : ""}</> })),
          ...history.exceptions.map((e) => ({ at: e.updatedAt, what: <>Exception {e.kind}</>, audience: e.audienceId, detail: <><StatusPill status={e.status} /> ×{e.occurrences}{e.owner ? ` · owner ${e.owner}` : " · no owner"}</> })),
        ]
          .sort((a, b) => String(b.at).localeCompare(String(a.at)))
          .map((row, i) => (
            <tr key={i}>
              <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{at(row.at)}</td>
              <td className="px-3 py-1.5">{row.what}</td>
              <td className="px-3 py-1.5">{row.audience ? (names[row.audience] ?? row.audience) : "—"}</td>
              <td className="px-3 py-1.5">{row.detail}</td>
            </tr>
          ))}
      </DataTable>
    </section>
  );
}

import { AudienceLabel } from "@/components/audience-label";
import { DataTable } from "@/components/data-table";
import { formatUtc } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { ConsentOverview } from "@/lib/consent/console/overview";
import { age, Section } from "./section";

const td = "px-4 py-2";

type Names = { names: Map<string, string> };

export function DriftTable({ rows, names }: { rows: ConsentOverview["drift"] } & Names) {
  return (
    <Section title="Opted out in Mailchimp, not yet confirmed in Odoo" csv="consent-opt-outs" count={rows.length} empty="Every unsubscribe and bounce Mailchimp reported has been written to Odoo.">
      <DataTable columns={["Audience", "Email", "Mailchimp", "Odoo partners", "Write-back"]}>
        {rows.map((r) => (
          <tr key={`${r.audienceId} ${r.email}`}>
            <td className={td}><AudienceLabel id={r.audienceId} names={names} /></td>
            <td className={td}>{r.email}</td>
            <td className={td}><StatusPill status={r.memberStatus} /></td>
            <td className={td}>{r.partnerIds.join(", ") || "—"}</td>
            <td className={td}>
              {r.writeback ? <><StatusPill status={r.writeback.status} /> <span className="text-xs text-slate-500">{r.writeback.lastError ?? `for ${age(r.writeback.createdAt)}`}</span></> : <span className="text-xs text-slate-500">none yet (the poller or next event creates it)</span>}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

export function WritebackTable({ title, rows, empty, names, csv }: { title: string; rows: ConsentOverview["failed"]; empty: string; csv?: string } & Names) {
  return (
    <Section title={title} csv={csv} count={rows.length} empty={empty}>
      <DataTable columns={["Audience", "Email", "Change", "Status", "Tries", "Age / next try", "Error"]}>
        {rows.map((w) => (
          <tr key={w.id.toString()}>
            <td className={td}><AudienceLabel id={w.audienceId} names={names} /></td>
            <td className={td}>{w.email}</td>
            <td className={td}>{w.action} → {w.target}</td>
            <td className={td}><StatusPill status={w.status} /></td>
            <td className={td}>{w.attempts}</td>
            <td className={`${td} whitespace-nowrap text-xs`}>{age(w.createdAt)}{w.status === "pending" ? ` · next ${formatUtc(w.nextAttemptAt)}` : ""}</td>
            <td className={`${td} max-w-md text-xs text-red-700`}>{w.lastError ?? ""}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

export function ExceptionList({ title, rows, empty, names, csv }: { title: string; rows: ConsentOverview["refused"]; empty: string; csv?: string } & Names) {
  return (
    <Section title={title} csv={csv} count={rows.length} empty={empty}>
      <DataTable columns={["Audience", "Email", "What", "Times", "Last seen (UTC)"]}>
        {rows.map((e) => {
          const d = e.detail as Record<string, unknown>;
          const what = typeof d.reason === "string" ? d.reason : `${String(d.old_email)} → ${String(d.new_email)}`;
          return (
            <tr key={e.id.toString()}>
              <td className={td}>{e.audienceId ? <AudienceLabel id={e.audienceId} names={names} /> : "—"}</td>
              <td className={td}>{e.email ?? "—"}</td>
              <td className={`${td} text-xs`}>{what}</td>
              <td className={td}>{e.occurrences}</td>
              <td className={`${td} whitespace-nowrap`}>{formatUtc(e.lastSeenAt)}</td>
            </tr>
          );
        })}
      </DataTable>
    </Section>
  );
}

export function EventTable({ rows, names }: { rows: ConsentOverview["events"] } & Names) {
  return (
    <Section title="Recent Mailchimp events" csv="consent-events" count={rows.length} empty="No webhook delivery or poll finding yet.">
      <DataTable columns={["Received (UTC)", "Audience", "Type", "Email", "Source", "Status"]}>
        {rows.map((e) => (
          <tr key={e.id.toString()}>
            <td className={`${td} whitespace-nowrap`}>{formatUtc(e.receivedAt)}</td>
            <td className={td}><AudienceLabel id={e.listId} names={names} /></td>
            <td className={td}>{e.type}</td>
            <td className={td}>
              {e.email ?? "—"}
              {e.email && !e.knownToEngine && <span className="ml-2 rounded bg-amber-50 px-1.5 text-xs text-amber-700">not synced by Bridgeline</span>}
            </td>
            <td className={td}>{e.source}</td>
            <td className={td}><StatusPill status={e.status} />
              {e.ignoredReason && <span data-testid="event-ignored-reason" className="ml-2 text-xs text-slate-600">{e.ignoredReason}</span>}
              {e.error && <span className="ml-2 text-xs text-red-700">{e.error}</span>}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

import { AudienceLabel } from "@/components/audience-label";
import { DataTable } from "@/components/data-table";
import { formatUtc } from "@/components/format";
import type { ConsentOverview } from "@/lib/consent/console/overview";
import type { AuditView } from "@/lib/consent/console/webhook-audit";
import { ApprovalButtons } from "./approval-buttons";
import { Section } from "./section";

const td = "px-4 py-2";
const AUDIT_TONE: Record<string, string> = { ok: "text-emerald-700", missing: "text-amber-700", wrong_url: "text-amber-700", misconfigured: "text-amber-700", api_source_ticked: "text-red-700", unreachable: "text-slate-500" };

export function ApprovalTable({ rows, canDecide }: { rows: ConsentOverview["approvals"]; canDecide: boolean }) {
  return (
    <Section title="Waiting for an admin" csv="consent-approvals" count={rows.length} empty="No large batch of consent changes is waiting for approval.">
      <DataTable columns={["Requested (UTC)", "People", "Sample", canDecide ? "Decision" : "Status"]}>
        {rows.map((a) => (
          <tr key={a.id.toString()}>
            <td className={`${td} whitespace-nowrap`}>{formatUtc(a.requestedAt)}</td>
            <td className={td}>{a.count}</td>
            <td className={`${td} text-xs`}>{(a.sample as Array<{ email: string; action: string }>).slice(0, 5).map((s) => `${s.action} ${s.email}`).join(", ")}…</td>
            <td className={td}>{canDecide ? <ApprovalButtons id={a.id.toString()} /> : <span className="text-xs text-slate-500">an admin decides</span>}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

export function WebhookAuditTable({ audit, names }: { audit: AuditView; names: Map<string, string> }) {
  if (!audit.checked) {
    return (
      <Section title="Webhooks per audience" count={0} empty={`Not checked: ${audit.why}`}>
        {null}
      </Section>
    );
  }
  return (
    <Section title="Webhooks per audience" csv="consent-webhooks" count={audit.results.length} empty="No audience to check.">
      <DataTable columns={["Audience", "Webhook", "Detail"]}>
        {audit.results.map((r) => (
          <tr key={r.audienceId}>
            <td className={td}><AudienceLabel id={r.audienceId} names={names} /></td>
            <td className={`${td} font-medium ${AUDIT_TONE[r.status] ?? ""}`}>{r.status.replaceAll("_", " ")}</td>
            <td className={`${td} text-xs`}>{r.detail}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { FindingCard } from "@/components/integration-audit/finding-card";
import { PrintButton } from "@/components/integration-audit/print-button";
import { RunAuditButton } from "@/components/integration-audit/run-audit-button";
import { SeverityBadge } from "@/components/integration-audit/severity-badge";
import type { AuditSeverity, Finding } from "@/lib/audit/types";
import { canSeeContactDetails } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { AUDIT_RUNNING_ROLES, loadAuditReport, type AuditView } from "@/lib/console/audit/load-audit-report";

/** The latest integration audit (lib/audit), for every role; ops and admins start a new one. Printable. */
export const metadata = pageMetadata("integration-audit");

const SEVERITIES: AuditSeverity[] = ["critical", "warning", "info", "ok"];
const AREAS = [
  { area: "odoo", title: "Odoo data quality", side: "odoo" },
  { area: "mailchimp", title: "Mailchimp health", side: "mailchimp" },
] as const;

export default async function IntegrationAuditPage() {
  const user = await getCurrentUser();
  const view = user ? await loadAuditReport(user.role) : null;
  const mayRun = user ? AUDIT_RUNNING_ROLES.includes(user.role) : false;
  return (
    <ConsolePage
      slug="integration-audit"
      actions={
        <span className="flex items-center gap-2">
          {view ? <PrintButton /> : null}
          {mayRun ? <RunAuditButton reportId={view?.id ?? null} /> : null}
        </span>
      }
    >
      {!view ? (
        <EmptyState title="No audit yet">
          The audit reads Odoo with the saved policy (partners without or with bad emails, shared addresses, staff and suppliers, companies and
          buyers no rule routes, orders in other currencies) and Mailchimp (merge fields, webhooks, stores left syncing, unsubscribe and cleaned
          rates, members Bridgeline does not manage). {mayRun ? "Press Run audit, or run npm run audit." : "Ops and admins start it (or npm run audit)."}
        </EmptyState>
      ) : (
        <Report view={view} showsContacts={user ? canSeeContactDetails(user.role) : false} />
      )}
    </ConsolePage>
  );
}

function Report({ view, showsContacts }: { view: AuditView; showsContacts: boolean }) {
  const { report } = view;
  const bySeverity = (s: AuditSeverity) => report.findings.filter((f) => f.severity === s).length;
  const read = report.read;
  return (
    <div className="space-y-6">
      <section className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 print:border-slate-300" data-testid="audit-summary">
        <div className="text-sm text-slate-600">
          <p>
            Audited <span className="font-medium text-slate-900">{view.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</span>
            {report.policyVersion !== null ? <> with policy version {report.policyVersion}</> : <> with the default policy (none saved)</>}
            {" · "}started from {view.trigger === "cli" ? "npm run audit" : "the console"}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Read {(read.partners ?? 0).toLocaleString("en-US")} partners and {(read.confirmedOrders ?? 0).toLocaleString("en-US")} confirmed orders in Odoo,{" "}
            {(read.members ?? 0).toLocaleString("en-US")} members of {read.audiences ?? 0} routed audiences in Mailchimp.
            {showsContacts ? "" : " Emails and names are shown to ops and admins only."}
          </p>
        </div>
        <ul className="flex gap-3">
          {SEVERITIES.map((s) => (
            <li key={s} className="flex items-center gap-1.5 text-sm">
              <SeverityBadge severity={s} /> <span className="font-semibold tabular-nums">{bySeverity(s)}</span>
            </li>
          ))}
        </ul>
      </section>
      {AREAS.map(({ area, title, side }) => (
        <Area key={area} title={title} findings={report.findings.filter((f) => f.area === area)} side={report.sides[side]} />
      ))}
    </div>
  );
}

function Area({ title, findings, side }: { title: string; findings: Finding[]; side: { checked: boolean; error?: string } }) {
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {!side.checked ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800" role="alert">
          Not checked: {side.error ?? "could not be asked"}. Nothing below is known to be fine.
        </p>
      ) : (
        <div className="grid items-start gap-3 xl:grid-cols-2 print:block print:space-y-3">
          {findings.map((f) => (
            <FindingCard key={f.kind} finding={f} />
          ))}
        </div>
      )}
    </section>
  );
}

import { ConsolePage, pageMetadata } from "@/components/console-page";
import { ApprovalTable, WebhookAuditTable } from "@/components/consent/approvals-and-audit";
import { DriftTable, EventTable, ExceptionList, WritebackTable } from "@/components/consent/consent-tables";
import { EmptyState } from "@/components/empty-state";
import { requirePage } from "@/lib/auth/guard";
import { audienceNames } from "@/lib/console/audience-names";
import { loadConsentOverview } from "@/lib/consent/console/overview";
import { webhookAuditForConsole } from "@/lib/consent/console/webhook-audit";
import { getPrisma } from "@/lib/db/client";

export const metadata = pageMetadata("consent");
export const dynamic = "force-dynamic";

export default async function ConsentPage() {
  return (
    <ConsolePage slug="consent">
      <Consent />
    </ConsolePage>
  );
}

async function Consent() {
  const user = await requirePage("consent");
  const [data, names] = await Promise.all([loadConsentOverview(getPrisma()), audienceNames()]);
  const audit = await webhookAuditForConsole(data.audiences);
  const nothingYet = data.audiences.length === 0 && data.refused.length === 0;
  return (
    <>
      {nothingYet && (
        <div className="mb-8">
          <EmptyState title="No consent data yet">
            Unsubscribes and bounces reach Bridgeline through the Mailchimp webhook (or the polling fallback) once audiences
            are connected and the first sync has run. Nothing has arrived yet, so there is nothing to compare with Odoo.
          </EmptyState>
        </div>
      )}
      <p className="mb-6 text-sm text-slate-600">
        Write-backs: {data.counts.pending ?? 0} pending · {data.counts.done ?? 0} done · {data.counts.failed ?? 0} failed.
        Mailchimp is the master of consent: opt-outs flow to Odoo, and Bridgeline never re-subscribes anyone in Mailchimp.
      </p>
      <ApprovalTable rows={data.approvals} canDecide={user.role === "admin"} />
      <DriftTable rows={data.drift} names={names} />
      <WritebackTable csv="consent-pending" title="Pending write-backs" rows={data.pending} empty="No write-back is waiting." names={names} />
      <WritebackTable csv="consent-failed" title="Failed write-backs" rows={data.failed} empty="No write-back has failed." names={names} />
      <ExceptionList csv="consent-refused" title="Refused writes (consent firewall)" rows={data.refused} empty="The firewall has refused no outbound write." names={names} />
      <ExceptionList csv="consent-email-changes" title="Address changed in Mailchimp" rows={data.emailChanges} empty="No one changed their address in Mailchimp." names={names} />
      <WebhookAuditTable audit={audit} names={names} />
      <EventTable rows={data.events} names={names} />
    </>
  );
}

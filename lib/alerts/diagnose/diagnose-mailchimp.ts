import { auditAudienceWebhooks } from "@/lib/consent/registration/audit-webhooks";
import { MailchimpError, type MailchimpClient } from "@/lib/mailchimp";
import { mergeFieldsFor, type Policy } from "@/lib/sync/policy";
import type { AlertCondition } from "../types";

/**
 * Mailchimp's side of the mapping, per routed audience: the audience exists (deleted, or a policy typo: its
 * members, managed tags and webhook have nowhere to go), the engine's merge fields exist with the type it fills
 * (a field retyped or deleted by hand makes every batch subscribe fail or drop the value), and the consent webhook
 * is registered and healthy (missing: opt-outs reach Odoo only through the slower poll; "api" ticked: echo loop).
 * webhookUrl undefined (no public URL configured): webhooks are not judged, only merge fields.
 */
export async function diagnoseMailchimp(mailchimp: MailchimpClient, policy: Policy, audienceIds: string[], webhookUrl: string | undefined): Promise<AlertCondition[]> {
  const out: AlertCondition[] = [];
  const wanted = mergeFieldsFor(policy);
  const present: string[] = [];
  for (const audienceId of audienceIds) {
    // The merge-field read doubles as the existence check: no request more per audience and diagnosis.
    const fields = await mailchimp.mergeFields.list(audienceId).catch((err: unknown) => {
      if (err instanceof MailchimpError && err.kind === "not_found") return null;
      throw err;
    });
    if (fields === null) {
      out.push(audienceMissing(audienceId, policy));
      continue;
    }
    present.push(audienceId);
    const byTag = new Map(fields.map((f) => [f.tag, f]));
    // A field not there yet is created by the next run; only one whose type takes other values breaks the mapping.
    const wrong = wanted.filter((w) => byTag.has(w.tag) && !typesAgree(w.type, byTag.get(w.tag)?.type));
    if (wrong.length > 0) {
      out.push({
        kind: "mailchimp_merge_fields", subject: audienceId, title: `Merge fields retyped in audience ${audienceId}`,
        message: `In audience ${audienceId}, ${wrong.map((w) => `${w.tag} is ${byTag.get(w.tag)?.type}, not ${w.type}`).join("; ")}: Mailchimp would refuse or mangle the values the sync sends.`,
        action: `In Mailchimp (Audience → Settings → Audience fields), delete the retyped field${wrong.length > 1 ? "s" : ""} and start a full run: Bridgeline recreates ${wrong.length > 1 ? "them" : "it"} with the right type.`,
        facts: { audienceId, fields: wrong.map((w) => ({ tag: w.tag, type: byTag.get(w.tag)?.type, expected: w.type })) },
      });
    }
  }
  if (!webhookUrl) return out;
  for (const audit of await auditAudienceWebhooks(mailchimp, present, webhookUrl)) {
    if (audit.status === "ok") continue;
    const missing = audit.status === "missing" || audit.status === "wrong_url";
    out.push({
      kind: missing ? "webhook_missing" : "webhook_unhealthy", subject: audit.audienceId,
      title: missing ? `No consent webhook on audience ${audit.audienceId}` : `Consent webhook of audience ${audit.audienceId} is ${audit.status.replace(/_/g, " ")}`,
      message: `Audience ${audit.audienceId}: ${audit.detail}. Until it is fixed, unsubscribes reach Odoo only through the periodic poll.`,
      action: audit.status === "api_source_ticked"
        ? "In Mailchimp (Audience → Settings → Webhooks), untick \"api\" on Bridgeline's webhook, or delete it and let the next run register it."
        : "Start a run (any mode but dry run): it registers or repairs the webhook. If it comes back, check MAILCHIMP_WEBHOOK_SECRET and the public URL.",
      facts: { audienceId: audit.audienceId, status: audit.status },
    });
  }
  return out;
}

function audienceMissing(audienceId: string, policy: Policy): AlertCondition {
  const names = policy.routing.rules.filter((r) => r.audienceId === audienceId).map((r) => r.name);
  const rules = names.map((n) => `"${n}"`);
  return {
    kind: "mailchimp_audience_missing", subject: audienceId, title: `Audience ${audienceId} does not exist in Mailchimp`,
    message: `Routing rule${rules.length > 1 ? "s" : ""} ${rules.join(", ")} send${rules.length > 1 ? "" : "s"} contacts to audience ${audienceId}, which Mailchimp does not know (deleted, or a wrong id): its members, managed tags and consent webhook cannot be written, so runs stop before writing anything until it is fixed.`,
    action: `Fix the routing in Settings → Policy (routing rule${rules.length > 1 ? "s" : ""} ${rules.join(", ")}: the right audience id), or recreate the audience in Mailchimp and route ${rules.length > 1 ? "them" : "it"} to its new id; then start a full run.`,
    facts: { audienceId, rules: names },
  };
}

/**
 * Mailchimp types that take the values the engine sends for a field of type `wanted`: the free-text kinds take
 * text (every audience is created with PHONE as "phone", and the engine's text values land in it), numbers and
 * dates only their own. A dropdown, radio or birthday refuses what it does not list.
 */
const FAMILY: Record<string, string> = { text: "text", phone: "text", url: "text", imageurl: "text", number: "number", date: "date", address: "address" };

export function typesAgree(wanted: string, actual: string | undefined): boolean {
  return actual !== undefined && FAMILY[actual] !== undefined && FAMILY[actual] === FAMILY[wanted];
}

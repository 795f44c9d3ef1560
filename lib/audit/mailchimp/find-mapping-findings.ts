import { typesAgree } from "@/lib/alerts/diagnose/diagnose-mailchimp";
import { auditAudienceWebhooks } from "@/lib/consent/registration/audit-webhooks";
import { isBridgelineWebhook } from "@/lib/consent/registration/webhook-config";
import type { MailchimpClient } from "@/lib/mailchimp";
import { mergeFieldsFor, type Policy } from "@/lib/sync/policy";
import type { AudienceLabel } from "../label-audiences";
import { buildFinding } from "../build-finding";
import type { Finding, FindingExample } from "../types";

/**
 * The routed audiences' merge fields (every field the sync fills, with a type that takes its values: the same
 * test as the merge-field alert) and Bridgeline's consent webhook on each (missing, pointing elsewhere,
 * misconfigured; "api" ticked is an echo of the engine's own writes). With no public URL known, a Bridgeline
 * webhook at any URL counts as present.
 */
export async function findMappingFindings(mailchimp: MailchimpClient, policy: Policy, audienceIds: string[], webhookUrl: string | undefined, label: AudienceLabel): Promise<Finding[]> {
  const wanted = mergeFieldsFor(policy);
  const fieldExamples: FindingExample[] = [];
  let fieldCount = 0;
  for (const audienceId of audienceIds) {
    const byTag = new Map((await mailchimp.mergeFields.list(audienceId)).map((f) => [f.tag, f.type]));
    for (const w of wanted) {
      const actual = byTag.get(w.tag);
      if (actual !== undefined && typesAgree(w.type, actual)) continue;
      fieldCount++;
      fieldExamples.push({ label: `${w.tag} · ${label(audienceId)}`, detail: actual === undefined ? "missing" : `is ${actual}, not ${w.type}` });
    }
  }
  const missing: FindingExample[] = [];
  const echo: FindingExample[] = [];
  if (webhookUrl) {
    for (const a of await auditAudienceWebhooks(mailchimp, audienceIds, webhookUrl)) {
      if (a.status === "unreachable") throw new Error(`Mailchimp webhooks of ${a.audienceId}: ${a.detail}`);
      if (a.status === "api_source_ticked") echo.push({ label: label(a.audienceId), detail: a.detail });
      else if (a.status !== "ok") missing.push({ label: label(a.audienceId), detail: a.detail });
    }
  } else {
    for (const audienceId of audienceIds) {
      const ours = (await mailchimp.webhooks.list(audienceId)).filter(isBridgelineWebhook);
      if (ours.length === 0) missing.push({ label: label(audienceId), detail: "no Bridgeline webhook on this audience" });
      else if (ours.some((w) => w.sources?.api === true)) echo.push({ label: label(audienceId), detail: 'source "api" is ticked' });
    }
  }
  return [
    buildFinding("merge_fields_missing", { count: fieldCount, severity: "warning", examples: fieldExamples }),
    buildFinding("webhook_missing", { count: missing.length, severity: "warning", examples: missing, facts: { urlKnown: webhookUrl !== undefined } }),
    buildFinding("webhook_echo", { count: echo.length, severity: "critical", examples: echo }),
  ];
}

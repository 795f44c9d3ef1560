import type { MailchimpClient } from "@/lib/mailchimp";
import { configProblems, isBridgelineWebhook } from "./webhook-config";

export type WebhookAuditStatus = "ok" | "missing" | "api_source_ticked" | "wrong_url" | "misconfigured" | "unreachable";

export interface WebhookAudit {
  audienceId: string;
  status: WebhookAuditStatus;
  /** What is off, in words, for the console. */
  detail: string;
}

/**
 * For each audience: is consent going to reach us? api_source_ticked is reported even when the URL is right,
 * because it is the dangerous one (echo loop). "unreachable" when Mailchimp could not be asked at all.
 */
export async function auditAudienceWebhooks(mailchimp: MailchimpClient, audienceIds: string[], publicUrl: string): Promise<WebhookAudit[]> {
  return Promise.all(audienceIds.map((id) => auditOne(mailchimp, id, publicUrl)));
}

async function auditOne(mailchimp: MailchimpClient, audienceId: string, publicUrl: string): Promise<WebhookAudit> {
  let webhooks;
  try {
    webhooks = await mailchimp.webhooks.list(audienceId);
  } catch (error) {
    return { audienceId, status: "unreachable", detail: error instanceof Error ? error.message : String(error) };
  }
  const ours = webhooks.filter(isBridgelineWebhook);
  if (ours.some((w) => w.sources?.api === true)) {
    return { audienceId, status: "api_source_ticked", detail: "source \"api\" is ticked: the engine's own writes would echo back" };
  }
  const exact = ours.find((w) => w.url === publicUrl);
  if (exact) {
    const problems = configProblems(exact);
    if (problems.length === 0) return { audienceId, status: "ok", detail: "registered" };
    return { audienceId, status: "misconfigured", detail: `registered, but ${problems.join(", ")}` };
  }
  if (ours.length > 0) return { audienceId, status: "wrong_url", detail: `points at ${ours.map((w) => redact(w.url)).join(", ")}` };
  return { audienceId, status: "missing", detail: "no Bridgeline webhook on this audience" };
}

/** The secret is the last path segment; the console must never show it. */
export function redact(url: string): string {
  return url.replace(/(\/api\/webhooks\/mailchimp\/)[^/?#]+/, "$1…");
}

import type { MailchimpClient } from "@/lib/mailchimp";
import { configProblems, desiredWebhook, isBridgelineWebhook } from "./webhook-config";

export interface EnsureResult {
  audienceId: string;
  action: "unchanged" | "created" | "replaced";
  webhookId: string;
  removed: string[];
}

/**
 * Makes the audience have exactly one Bridgeline webhook, at `publicUrl`, configured as desiredWebhook says.
 * Stale Bridgeline webhooks (old host or secret) are removed: they would only collect 404s. The connector has
 * no PATCH, and Mailchimp refuses a second webhook with the same URL, so a misconfigured one is deleted and
 * created again (Mailchimp re-validates the URL with a GET, which the receiver answers).
 */
export async function ensureAudienceWebhook(mailchimp: MailchimpClient, audienceId: string, publicUrl: string): Promise<EnsureResult> {
  const existing = await mailchimp.webhooks.list(audienceId);
  const ours = existing.filter(isBridgelineWebhook);
  const current = ours.find((w) => w.url === publicUrl && configProblems(w).length === 0);
  const removed: string[] = [];
  for (const webhook of ours) {
    if (webhook === current) continue;
    await mailchimp.webhooks.delete(audienceId, webhook.id);
    removed.push(webhook.id);
  }
  if (current) return { audienceId, action: "unchanged", webhookId: current.id, removed };
  const created = await mailchimp.webhooks.create(audienceId, desiredWebhook(publicUrl));
  const replaced = ours.some((w) => w.url === publicUrl);
  return { audienceId, action: replaced ? "replaced" : "created", webhookId: created.id, removed };
}

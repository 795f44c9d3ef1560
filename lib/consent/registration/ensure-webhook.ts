import type { MailchimpClient } from "@/lib/mailchimp";
import { configProblems, desiredWebhook, isBridgelineWebhook } from "./webhook-config";

export interface EnsureResult {
  audienceId: string;
  action: "unchanged" | "created" | "updated";
  webhookId: string;
  removed: string[];
}

/**
 * Makes the audience have exactly one Bridgeline webhook, at `publicUrl`, configured as desiredWebhook says.
 * A misconfigured or stale one (wrong events or sources, old host or secret) is updated in place with
 * PATCH /lists/{id}/webhooks/{webhook_id}, which keeps its id and never leaves the audience without a webhook
 * (Mailchimp re-validates a new URL with a GET, which the receiver answers); any further Bridgeline webhooks are
 * removed: they would only collect 404s or deliver every event twice.
 */
export async function ensureAudienceWebhook(mailchimp: MailchimpClient, audienceId: string, publicUrl: string): Promise<EnsureResult> {
  const existing = await mailchimp.webhooks.list(audienceId);
  const ours = existing.filter(isBridgelineWebhook);
  const current = ours.find((w) => w.url === publicUrl && configProblems(w).length === 0);
  // The one to keep: the right one, else the one at this URL (Mailchimp refuses a second there), else any of ours.
  const kept = current ?? ours.find((w) => w.url === publicUrl) ?? ours[0];
  const removed: string[] = [];
  for (const webhook of ours) {
    if (webhook === kept) continue;
    await mailchimp.webhooks.delete(audienceId, webhook.id);
    removed.push(webhook.id);
  }
  if (current) return { audienceId, action: "unchanged", webhookId: current.id, removed };
  if (kept) {
    const updated = await mailchimp.webhooks.update(audienceId, kept.id, desiredWebhook(publicUrl));
    return { audienceId, action: "updated", webhookId: updated.id, removed };
  }
  const created = await mailchimp.webhooks.create(audienceId, desiredWebhook(publicUrl));
  return { audienceId, action: "created", webhookId: created.id, removed };
}

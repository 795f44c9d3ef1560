import { getEnv } from "@/lib/env";
import { MailchimpClient, mailchimpConfigFromEnv } from "@/lib/mailchimp";
import { auditAudienceWebhooks, type WebhookAudit } from "../registration/audit-webhooks";
import { webhookPublicUrl } from "../webhook-url";

export type AuditView = { checked: true; results: WebhookAudit[] } | { checked: false; why: string };

/**
 * Asks Mailchimp, live, how each audience's webhook is set up. The receiver's public URL is the console's own
 * (webhookPublicUrl) plus the secret; without those, or without Mailchimp, the page says why it cannot check.
 */
export async function webhookAuditForConsole(audienceIds: string[]): Promise<AuditView> {
  const env = getEnv();
  if (!env.MAILCHIMP_API_KEY) return { checked: false, why: "Mailchimp is not configured (MAILCHIMP_API_KEY)." };
  if (!env.MAILCHIMP_WEBHOOK_SECRET) return { checked: false, why: "MAILCHIMP_WEBHOOK_SECRET is not set: the webhook receiver is off." };
  const publicUrl = webhookPublicUrl(env);
  if (!publicUrl) return { checked: false, why: "NEXTAUTH_URL is not set, so the receiver's public URL is unknown." };
  if (audienceIds.length === 0) return { checked: false, why: "No audience has been synced yet." };
  const client = new MailchimpClient(mailchimpConfigFromEnv(), { timeoutMs: 3_000 });
  return { checked: true, results: await auditAudienceWebhooks(client, audienceIds, publicUrl) };
}

import type { Webhook, WebhookInput } from "@/lib/mailchimp";

/**
 * The one webhook configuration Bridgeline wants on every audience. Source "api" stays off: with it, every
 * write the sync engine makes would come back as an event (the classic echo loop). campaign is off: it says
 * nothing about consent.
 */
export const WEBHOOK_EVENTS = { subscribe: true, unsubscribe: true, profile: true, cleaned: true, upemail: true, campaign: false } as const;
export const WEBHOOK_SOURCES = { user: true, admin: true, api: false } as const;

export function desiredWebhook(url: string): WebhookInput {
  return { url, events: { ...WEBHOOK_EVENTS }, sources: { ...WEBHOOK_SOURCES } };
}

/** A webhook pointing at some Bridgeline receiver (any host, any secret): ours, possibly stale. */
export const RECEIVER_PATH = "/api/webhooks/mailchimp/";

export function isBridgelineWebhook(webhook: Webhook): boolean {
  return webhook.url.includes(RECEIVER_PATH);
}

/** Events we need that are off, and sources that are wrong; empty when the webhook is as desired. */
export function configProblems(webhook: Webhook): string[] {
  const problems: string[] = [];
  for (const [name, wanted] of Object.entries(WEBHOOK_EVENTS)) {
    if (wanted && webhook.events?.[name as keyof typeof WEBHOOK_EVENTS] !== true) problems.push(`event ${name} off`);
  }
  for (const [name, wanted] of Object.entries(WEBHOOK_SOURCES)) {
    if ((webhook.sources?.[name as keyof typeof WEBHOOK_SOURCES] === true) !== wanted) problems.push(`source ${name} ${wanted ? "off" : "on"}`);
  }
  return problems;
}

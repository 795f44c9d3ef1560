import type { Prisma } from "@/lib/generated/prisma/client";

/** Mailchimp member statuses the poller turns into consent events, and the webhook type each stands for. */
export const STATUS_EVENT = { unsubscribed: "unsubscribe", cleaned: "cleaned", subscribed: "subscribe" } as const;
export type PolledStatus = keyof typeof STATUS_EVENT;

const EVENT_STATUS: Record<string, PolledStatus> = { unsubscribe: "unsubscribed", cleaned: "cleaned", subscribe: "subscribed" };

export function statusOfEventType(type: string | undefined): PolledStatus | undefined {
  return type === undefined ? undefined : EVENT_STATUS[type];
}

/** "2026-11-26T10:00:05+00:00" -> "2026-11-26 10:00:05", the shape webhook deliveries carry. */
export function webhookTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A member status seen by polling, stored as if Mailchimp had delivered it (source "poll"), so it goes through
 * exactly the same processing as a webhook event. The key makes re-polling the same change a no-op.
 */
export function syntheticEvent(audienceId: string, email: string, status: PolledStatus, lastChanged: Date): Prisma.MailchimpWebhookEventCreateManyInput {
  const type = STATUS_EVENT[status];
  const data: Record<string, string> = { list_id: audienceId, email, reason: "seen by polling" };
  if (type === "unsubscribe") data.action = "unsub";
  return {
    listId: audienceId,
    type,
    email,
    firedAt: lastChanged,
    source: "poll",
    payload: { type, fired_at: webhookTime(lastChanged), data },
    dedupeKey: `poll:${audienceId}:${email}:${status}:${lastChanged.toISOString()}`,
  };
}

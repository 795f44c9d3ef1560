import { z } from "zod";

/**
 * The Mailchimp webhook payloads Bridgeline understands (mailchimp-api.md "Webhooks"), after formToTree.
 * Each type names the fields it cannot do without; anything else Mailchimp adds is kept in the payload.
 */
const firedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "fired_at must be YYYY-MM-DD HH:MM:SS")
  .transform((s) => new Date(`${s.replace(" ", "T")}Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "fired_at is not a date");

const text = z.string().trim().min(1).max(320);
const email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, "not an email address");
const optional = z.string().optional();

const member = { list_id: text, email };

export const webhookEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), fired_at: firedAt, data: z.looseObject(member) }),
  z.object({
    type: z.literal("unsubscribe"),
    fired_at: firedAt,
    data: z.looseObject({ ...member, action: optional, reason: optional, campaign_id: optional }),
  }),
  z.object({ type: z.literal("cleaned"), fired_at: firedAt, data: z.looseObject({ ...member, reason: optional, campaign_id: optional }) }),
  z.object({ type: z.literal("profile"), fired_at: firedAt, data: z.looseObject(member) }),
  z.object({
    type: z.literal("upemail"),
    fired_at: firedAt,
    data: z.looseObject({ list_id: text, old_email: email, new_email: email }),
  }),
  z.object({ type: z.literal("campaign"), fired_at: firedAt, data: z.looseObject({ list_id: text, id: text }) }),
]);

export type WebhookEvent = z.output<typeof webhookEventSchema>;
export type WebhookEventType = WebhookEvent["type"];

/** The address an event is about (upemail: the old one, which is the one Odoo knows). */
export function eventEmail(event: WebhookEvent): string | null {
  if (event.type === "campaign") return null;
  if (event.type === "upemail") return event.data.old_email;
  return event.data.email;
}

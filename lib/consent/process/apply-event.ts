import type { MailchimpWebhookEvent, Prisma } from "@/lib/generated/prisma/client";
import { webhookEventSchema } from "../webhook/event-schema";
import { normalizeEmail, type ConsentSettings } from "../types";
import { raiseEmailChanged } from "./email-changed";
import { setMemberStatus } from "./member-status";
import { planWriteback, writebackRow } from "./plan-writeback";

type Db = Prisma.TransactionClient;

export type EventOutcome = "processed" | "ignored";

/**
 * The database side of one event, inside the caller's transaction: member status, write-back rows,
 * exceptions. Odoo is not called here; write-backs are applied by their own worker, so an Odoo outage never
 * blocks or loses an event. Re-running it is harmless: write-backs are unique per (event, action).
 */
export async function applyEvent(db: Db, row: MailchimpWebhookEvent, settings: ConsentSettings): Promise<EventOutcome> {
  const event = webhookEventSchema.parse(row.payload);
  const audienceId = event.data.list_id;
  const cause = { source: row.source, firedAt: row.firedAt?.toISOString() ?? null };

  const optOut = async (email: string, optedOut: boolean, reason: string) => {
    const plan = planWriteback(settings.target, optedOut);
    await db.consentWriteback.createMany({
      data: [writebackRow(plan, { eventId: row.id, audienceId, email, cause: { ...cause, reason } })],
      skipDuplicates: true,
    });
  };

  switch (event.type) {
    case "unsubscribe": {
      const email = normalizeEmail(event.data.email);
      await setMemberStatus(db, audienceId, email, "unsubscribed");
      await optOut(email, true, `unsubscribe (${event.data.action ?? "unsub"}, ${event.data.reason ?? "no reason given"})`);
      return "processed";
    }
    case "cleaned": {
      const email = normalizeEmail(event.data.email);
      await setMemberStatus(db, audienceId, email, "cleaned");
      await optOut(email, true, `cleaned (${event.data.reason ?? "no reason given"})`);
      return "processed";
    }
    case "subscribe": {
      const email = normalizeEmail(event.data.email);
      await setMemberStatus(db, audienceId, email, "subscribed");
      if (settings.liftOptOutOnResubscribe) await optOut(email, false, "subscribe (the person re-joined in Mailchimp)");
      return "processed";
    }
    case "upemail":
      await raiseEmailChanged(db, { audienceId, oldEmail: event.data.old_email, newEmail: event.data.new_email, eventId: row.id });
      return "processed";
    case "profile":
      // Odoo owns names and addresses: a profile edit in Mailchimp is kept for the record, never written back.
      return "processed";
    case "campaign":
      return "ignored";
  }
}

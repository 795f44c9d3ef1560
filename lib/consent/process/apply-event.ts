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

  // An address Mailchimp moved a member to (upemail) is still the old one in Odoo until ops change it there:
  // its status and opt-outs apply to the records of the old address as well (lib/sync/README.md, "upemail").
  const heldAs = async (email: string) =>
    [email, ...(await db.syncRecord.findMany({ where: { audienceId, movedTo: email }, select: { email: true } })).map((r) => r.email)];
  const setStatus = async (email: string, status: string) => {
    for (const held of await heldAs(email)) await setMemberStatus(db, audienceId, held, status);
  };
  const optOut = async (email: string, optedOut: boolean, reason: string) => {
    const plan = planWriteback(settings.target, optedOut);
    const emails = await heldAs(email);
    await db.consentWriteback.createMany({
      data: emails.map((held) => writebackRow(plan, { eventId: row.id, audienceId, email: held, cause: { ...cause, reason: held === email ? reason : `${reason}, at ${email}, which Mailchimp moved ${held} to` } })),
      skipDuplicates: true,
    });
  };

  switch (event.type) {
    case "unsubscribe": {
      const email = normalizeEmail(event.data.email);
      await setStatus(email, "unsubscribed");
      await optOut(email, true, `unsubscribe (${event.data.action ?? "unsub"}, ${event.data.reason ?? "no reason given"})`);
      return "processed";
    }
    case "cleaned": {
      const email = normalizeEmail(event.data.email);
      await setStatus(email, "cleaned");
      await optOut(email, true, `cleaned (${event.data.reason ?? "no reason given"})`);
      return "processed";
    }
    case "subscribe": {
      const email = normalizeEmail(event.data.email);
      await setStatus(email, "subscribed");
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

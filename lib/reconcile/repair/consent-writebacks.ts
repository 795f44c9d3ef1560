import type { PrismaClient } from "@/lib/generated/prisma/client";
import { syntheticEvent } from "@/lib/consent/poll/synthetic-event";

/**
 * Consent gaps are never "repaired" toward Mailchimp (the master of consent): an opt-out Odoo has not recorded
 * becomes the consent event the webhook would have delivered (source "reconcile"), and the consent flow turns it
 * into a write-back to Odoo, with its approvals for large batches. The reverse (Odoo blacklisted, Mailchimp
 * subscribed) is skipped: only the person can subscribe again, and Odoo's opt-out may come from another channel,
 * so a person has to look at it.
 */
export async function requestConsentWritebacks(prisma: PrismaClient, passId: string, gaps: { audience_id: string; email: string; detail: Record<string, unknown> }[]) {
  const optOuts = gaps.filter((g) => g.detail.direction === "mailchimp_opted_out");
  const now = new Date();
  const rows = optOuts.map((g) => {
    const status = g.detail.memberStatus === "cleaned" ? "cleaned" : "unsubscribed";
    const event = syntheticEvent(g.audience_id, g.email, status, now);
    const payload = event.payload as { data: Record<string, string> };
    payload.data.reason = "seen by reconciliation";
    return { ...event, source: "reconcile", dedupeKey: `reconcile:${passId}:${g.audience_id}:${g.email}:${status}` };
  });
  const { count } = await prisma.mailchimpWebhookEvent.createMany({ data: rows, skipDuplicates: true });
  return { route: "consent_writeback" as const, events: count, skipped: gaps.length - optOuts.length };
}

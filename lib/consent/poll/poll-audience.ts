import type { MailchimpClient, Member } from "@/lib/mailchimp";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "../types";
import { knownStatuses } from "./known-statuses";
import { syntheticEvent, type PolledStatus } from "./synthetic-event";
import { updateMemberStatuses } from "./update-member-statuses";

export interface PollSummary {
  audienceId: string;
  members: number;
  eventsCreated: number;
  statusesUpdated: number;
  cursorFrom: string | null;
  cursorTo: string | null;
}

export const pollCursorKey = (audienceId: string) => `mailchimp.poll.${audienceId}`;

const FIELDS = ["members.email_address", "members.status", "members.last_changed", "total_items"];

/**
 * The safety net under the webhook: members changed since the stored cursor (all of them on the first run),
 * turned into the same events a webhook would have delivered when their status is news to Bridgeline.
 * The events are then applied by processWebhookEvents like any other.
 */
export async function pollAudienceConsent(
  deps: { prisma: PrismaClient; mailchimp: MailchimpClient; now?: () => Date },
  audienceId: string,
): Promise<PollSummary> {
  const startedAt = deps.now?.() ?? new Date();
  const key = pollCursorKey(audienceId);
  const cursor = await deps.prisma.syncCursor.findUnique({ where: { key } });
  const summary: PollSummary = { audienceId, members: 0, eventsCreated: 0, statusesUpdated: 0, cursorFrom: cursor?.value ?? null, cursorTo: null };
  let newest = 0;
  const pages = deps.mailchimp.members.pages(audienceId, { count: 1000, fields: FIELDS, ...(cursor ? { sinceLastChanged: cursor.value } : {}) });
  for await (const page of pages) {
    const members = page.map((m) => ({ email: normalizeEmail(m.email_address), status: m.status, lastChanged: changedAt(m, startedAt) }));
    summary.members += members.length;
    summary.statusesUpdated += await updateMemberStatuses(deps.prisma, audienceId, members);
    const known = await knownStatuses(deps.prisma, audienceId, members.map((m) => m.email));
    const events = members.filter((m) => isNews(m.status, known.get(m.email)));
    const { count } = await deps.prisma.mailchimpWebhookEvent.createMany({
      data: events.map((m) => syntheticEvent(audienceId, m.email, m.status as PolledStatus, m.lastChanged)),
      skipDuplicates: true,
    });
    summary.eventsCreated += count;
    for (const m of members) newest = Math.max(newest, m.lastChanged.getTime());
  }
  if (newest > 0) {
    // Mailchimp compares whole seconds, exclusively; members changed while we paged have last_changed >= start.
    // One second of overlap re-reads a few members, which the "is it news" check makes harmless.
    const next = new Date(Math.min(newest, startedAt.getTime()) - 1000).toISOString();
    await deps.prisma.syncCursor.upsert({ where: { key }, create: { key, value: next }, update: { value: next } });
    summary.cursorTo = next;
  }
  return summary;
}

function changedAt(member: Member, fallback: Date): Date {
  const at = member.last_changed ? new Date(member.last_changed) : fallback;
  return Number.isNaN(at.getTime()) ? fallback : at;
}

/** Opt-outs Bridgeline has not recorded yet, and re-subscriptions after a recorded opt-out. */
function isNews(status: string, known: PolledStatus | undefined): boolean {
  if (status === "unsubscribed" || status === "cleaned") return known !== status;
  if (status === "subscribed") return known === "unsubscribed" || known === "cleaned";
  return false;
}

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
 * The statuses consent news can have: opt-outs, and re-subscriptions after one. Asking Mailchimp for these only
 * (its `status` filter, one query each) skips the members Bridgeline itself just wrote as transactional or
 * pending: without the filter, the poll after a 366k-member load paged through all 366k (one request per 1,000,
 * at consent priority, ahead of the sync's own batches).
 */
export const POLLED_STATUSES: readonly PolledStatus[] = ["unsubscribed", "cleaned", "subscribed"];

/**
 * The safety net under the webhook: members whose status is one of POLLED_STATUSES and who changed since the
 * stored cursor (all of them on the first run), turned into the same events a webhook would have delivered when
 * their status is news to Bridgeline. The events are then applied by processWebhookEvents like any other.
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
  for (const status of POLLED_STATUSES) {
    const pages = deps.mailchimp.members.pages(audienceId, { count: 1000, fields: FIELDS, status, ...(cursor ? { sinceLastChanged: cursor.value } : {}) });
    newest = Math.max(newest, await pollPages(deps.prisma, audienceId, pages, startedAt, summary));
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

/** One status's pages: statuses onto sync_records, news into events. Returns the newest last_changed seen (ms). */
async function pollPages(prisma: PrismaClient, audienceId: string, pages: AsyncGenerator<Member[]>, startedAt: Date, summary: PollSummary): Promise<number> {
  let newest = 0;
  for await (const page of pages) {
    const members = page.map((m) => ({ email: normalizeEmail(m.email_address), status: m.status, lastChanged: changedAt(m, startedAt) }));
    summary.members += members.length;
    summary.statusesUpdated += await updateMemberStatuses(prisma, audienceId, members);
    const known = await knownStatuses(prisma, audienceId, members.map((m) => m.email));
    const events = members.filter((m) => isNews(m.status, known.get(m.email)));
    const { count } = await prisma.mailchimpWebhookEvent.createMany({
      data: events.map((m) => syntheticEvent(audienceId, m.email, m.status as PolledStatus, m.lastChanged)),
      skipDuplicates: true,
    });
    summary.eventsCreated += count;
    for (const m of members) newest = Math.max(newest, m.lastChanged.getTime());
  }
  return newest;
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

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_MEMBERS_PAGE, withRetry, type MailchimpClient, type Member, type RetryPolicy } from "@/lib/mailchimp";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";
import { normalizeEmail } from "@/lib/sync/email/normalize-email";

/** Only what the comparison reads: Mailchimp sends a fraction of each member (no stats, links, location...). */
export const READ_BACK_FIELDS = [
  "members.email_address", "members.status", "members.merge_fields", "members.tags", "members.language", "members.last_changed", "total_items",
];

export interface MembersRead {
  members: number;
  /** Mailchimp requests made, retries included. */
  requests: number;
}

/**
 * Streams one audience into reconcile_members, 1,000 members a request, one INSERT per page: memory holds one
 * page whatever the audience's size. Offset paging ends at total_items (or a short page), so a 100k audience
 * costs 100 requests.
 */
export async function readMembers(prisma: PrismaClient, mailchimp: MailchimpClient, retry: RetryPolicy, passId: string, audienceId: string): Promise<MembersRead> {
  const out = { members: 0, requests: 0 };
  for (let offset = 0; ; offset += MAX_MEMBERS_PAGE) {
    const page = await withRetry(() => {
      out.requests++;
      return mailchimp.members.list(audienceId, { count: MAX_MEMBERS_PAGE, offset, fields: READ_BACK_FIELDS });
    }, retry);
    await insertMembers(prisma, passId, audienceId, page.members);
    out.members += page.members.length;
    if (page.members.length < MAX_MEMBERS_PAGE || offset + MAX_MEMBERS_PAGE >= page.total_items) return out;
  }
}

async function insertMembers(prisma: PrismaClient, passId: string, audienceId: string, members: Member[]): Promise<void> {
  if (members.length === 0) return;
  const rows = members.map((m) => ({
    email: normalizeEmail(m.email_address),
    status: m.status,
    merge: m.merge_fields ?? {},
    tags: (m.tags ?? []).map((t) => t.name),
    language: m.language || null,
    changed: m.last_changed ?? null,
  }));
  // A member that moved between pages while we read (offset paging) can come twice: the first copy stands.
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_members (pass_id, audience_id, email, status, merge_fields, tags, language, last_changed)
     SELECT $1::uuid, $2, r.email, r.status, r.merge, r.tags, r.language, r.changed
     FROM jsonb_to_recordset($3::jsonb) AS r(email text, status text, merge jsonb, tags text[], language text, changed timestamptz)
     ON CONFLICT DO NOTHING`,
    passId,
    audienceId,
    JSON.stringify(rows),
  );
  forgetPrismaQueryLog();
}

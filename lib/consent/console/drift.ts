import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface DriftRow {
  audienceId: string;
  email: string;
  memberStatus: string;
  partnerIds: number[];
  /** The latest write-back for this person: none yet, pending, failed (with the error). */
  writeback: { status: string; lastError: string | null; createdAt: Date } | null;
}

/**
 * People Mailchimp says are unsubscribed or cleaned but whose opt-out is not confirmed written to Odoo.
 * "Confirmed" means a done write-back: the page reads Postgres only, never Odoo, so it stays fast.
 */
export async function listConsentDrift(prisma: PrismaClient, limit = 200): Promise<DriftRow[]> {
  const rows = await prisma.$queryRaw<
    Array<{ audience_id: string; email: string; member_status: string; partner_ids: number[] | null; wb_status: string | null; wb_error: string | null; wb_created: Date | null }>
  >`
    SELECT s.audience_id, s.email, s.member_status, s.partner_ids,
           w.status::text AS wb_status, w.last_error AS wb_error, w.created_at AS wb_created
    FROM sync_records s
    LEFT JOIN LATERAL (
      SELECT status, last_error, created_at FROM consent_writebacks w
      WHERE w.audience_id = s.audience_id AND w.email = s.email AND w.action IN ('blacklist', 'set_field')
      ORDER BY w.id DESC LIMIT 1
    ) w ON true
    WHERE s.member_status IN ('unsubscribed', 'cleaned') AND w.status IS DISTINCT FROM 'done'
    ORDER BY s.audience_id, s.email LIMIT ${limit}`;
  return rows.map((r) => ({
    audienceId: r.audience_id,
    email: r.email,
    memberStatus: r.member_status,
    partnerIds: r.partner_ids ?? [],
    writeback: r.wb_status ? { status: r.wb_status, lastError: r.wb_error, createdAt: r.wb_created ?? new Date(0) } : null,
  }));
}

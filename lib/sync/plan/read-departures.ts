import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlanStage } from "./plan-stage";
import { forgetPrismaQueryLog } from "./prisma-query-log";

export interface Departure {
  audienceId: string;
  email: string;
  partnerIds: number[];
  appliedTags: string[];
}

/**
 * Members the engine synced before that no partner routes to any more (no longer eligible, email changed,
 * rerouted). Full runs look at all; targeted and incremental runs at `onlyEmails`, the addresses whose holders
 * they read whole (elsewhere absence proves nothing). Never a record Mailchimp moved to another
 * address (upemail): a PUT to the old address would re-create it.
 */
export async function* readDepartures(prisma: PrismaClient, stage: PlanStage, pageSize = 5000, onlyEmails?: string[]): AsyncGenerator<Departure[]> {
  let after: [string, string] = ["", ""];
  for (;;) {
    const rows = await prisma.$queryRawUnsafe<{ audience_id: string; email: string; partner_ids: number[]; applied_tags: string[] | null }[]>(
      `SELECT r.audience_id, r.email, r.partner_ids, r.applied_tags FROM sync_records r
       WHERE r.last_status = 'synced' AND r.moved_to IS NULL AND (r.audience_id, r.email) > ($1, $2) AND ($4::text[] IS NULL OR r.email = ANY($4::text[]))
         AND NOT EXISTS (SELECT 1 FROM ${stage.candidates} s WHERE s.audience_id = r.audience_id AND s.email = r.email)
       ORDER BY r.audience_id, r.email LIMIT $3`,
      after[0],
      after[1],
      pageSize,
      onlyEmails ?? null,
    );
    // Also drops the batch inserts made since the previous page (plan/batch-writer.ts).
    forgetPrismaQueryLog();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ audienceId: r.audience_id, email: r.email, partnerIds: r.partner_ids, appliedTags: r.applied_tags ?? [] }));
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) return;
    after = [last.audience_id, last.email];
  }
}

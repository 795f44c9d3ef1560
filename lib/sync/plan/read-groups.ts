import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlanStage } from "./plan-stage";
import { forgetPrismaQueryLog } from "./prisma-query-log";

export interface StagedGroup {
  audienceId: string;
  email: string;
  /** Winner first (lowest rank, then lowest id), then the others in the same order. */
  partnerIds: number[];
  commercials: number;
  payload: string;
  statusIfNew: string;
  synced: { payloadHash: string | null; appliedTags: string[]; lastStatus: string; refusedHash: string | null; movedTo: string | null } | null;
}

interface Row {
  audience_id: string;
  email: string;
  partner_ids: number[];
  commercials: number;
  payload: string;
  status_if_new: string;
  payload_hash: string | null;
  applied_tags: string[] | null;
  last_status: string | null;
  refused_hash: string | null;
  moved_to: string | null;
}

/**
 * Every (audience, email) of the stage with its candidates folded together and its sync_records row, in
 * keyset pages so neither side is ever held whole in memory.
 */
export async function* readGroups(prisma: PrismaClient, stage: PlanStage, pageSize = 5000): AsyncGenerator<StagedGroup[]> {
  let after: [string, string] = ["", ""];
  for (;;) {
    const rows = await prisma.$queryRawUnsafe<Row[]>(
      `WITH g AS (
         SELECT audience_id, email,
                array_agg(partner_id ORDER BY rank, partner_id) AS partner_ids,
                count(DISTINCT commercial_id)::int AS commercials,
                (array_agg(payload ORDER BY rank, partner_id))[1] AS payload,
                (array_agg(status_if_new ORDER BY rank, partner_id))[1] AS status_if_new
         FROM ${stage.candidates}
         WHERE (audience_id, email) > ($1, $2)
         GROUP BY audience_id, email
         ORDER BY audience_id, email
         LIMIT $3)
       SELECT g.*, r.payload_hash, r.applied_tags, r.last_status::text AS last_status, r.refused_hash, r.moved_to
       FROM g LEFT JOIN sync_records r ON r.audience_id = g.audience_id AND r.email = g.email
       ORDER BY g.audience_id, g.email`,
      after[0],
      after[1],
      pageSize,
    );
    // Also drops the batch inserts made since the previous page (plan/batch-writer.ts).
    forgetPrismaQueryLog();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      audienceId: r.audience_id,
      email: r.email,
      partnerIds: r.partner_ids,
      commercials: r.commercials,
      payload: r.payload,
      statusIfNew: r.status_if_new,
      synced: r.last_status === null ? null : { payloadHash: r.payload_hash, appliedTags: r.applied_tags ?? [], lastStatus: r.last_status, refusedHash: r.refused_hash, movedTo: r.moved_to },
    }));
    const last = rows[rows.length - 1] as Row;
    if (rows.length < pageSize) return;
    after = [last.audience_id, last.email];
  }
}

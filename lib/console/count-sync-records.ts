import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RecordStatus } from "@/lib/generated/prisma/enums";

export interface RecordCount {
  audienceId: string;
  lastStatus: RecordStatus;
  /** Mailchimp last said unsubscribed or cleaned. */
  optedOut: boolean;
  n: number;
}

/** Fold the deltas once they pass this many rows: a read stays a scan of a few hundred rows. */
export const FOLD_AT_ROWS = 500;
const FOLD_LOCK = 0x5bc0_0001;

/**
 * sync_records counted per (audience, status, opted out), from the deltas the table's statement triggers append
 * (migration 20261130141000_sync_record_counts): the same numbers as a GROUP BY over the records, at the cost of
 * summing a few hundred rows. When the deltas pile up, they are folded into one row per key first.
 */
export async function countSyncRecords(prisma: PrismaClient): Promise<RecordCount[]> {
  const [deltas] = await prisma.$queryRaw<Array<{ rows: number }>>`SELECT count(*)::int AS rows FROM sync_record_counts`;
  if ((deltas?.rows ?? 0) > FOLD_AT_ROWS) await foldSyncRecordCounts(prisma);
  const sums = await prisma.$queryRaw<Array<{ audience_id: string; last_status: RecordStatus; opted_out: boolean; n: bigint }>>`
    SELECT audience_id, last_status, opted_out, sum(n)::bigint AS n FROM sync_record_counts
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`;
  return sums.map((s) => ({ audienceId: s.audience_id, lastStatus: s.last_status, optedOut: s.opted_out, n: Number(s.n) }));
}

/**
 * Replaces the deltas by one row per key, in one statement. A second fold at the same time skips (the lock), and
 * a writer's delta committed meanwhile is simply not among the rows deleted, so nothing is counted twice or lost.
 */
export async function foldSyncRecordCounts(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS locked`;
    if (!lock?.locked) return;
    await tx.$executeRaw`
      WITH folded AS (DELETE FROM sync_record_counts RETURNING audience_id, last_status, opted_out, n)
      INSERT INTO sync_record_counts (audience_id, last_status, opted_out, n)
      SELECT audience_id, last_status, opted_out, sum(n) FROM folded GROUP BY 1, 2, 3 HAVING sum(n) <> 0`;
  });
}

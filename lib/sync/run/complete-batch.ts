import type { RecordOutcome } from "./execute/types";
import { lockRun, TX_OPTIONS, type Db } from "./db";
import { finalizeIfDone, type FinalStatus } from "./finalize";
import { recordOutcomes, type OutcomeCounts } from "./record-outcomes";

export interface BatchCompletion {
  runId: string;
  batchId: string;
  status: "succeeded" | "failed" | "cancelled";
  outcomes: RecordOutcome[];
  error?: string;
}

/**
 * Outcomes, the batch's end, the run counters and maybe the run's end, in one transaction: a worker that dies
 * before the commit leaves the batch to be redone whole, one that dies after leaves nothing to redo.
 */
export async function completeBatch(prisma: Db, c: BatchCompletion): Promise<{ counts: OutcomeCounts; runFinal: FinalStatus | null }> {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    await lockRun(tx, c.runId);
    const counts = await recordOutcomes(tx, c.runId, c.outcomes, now);
    await tx.syncBatch.update({
      where: { id: c.batchId },
      data: { status: c.status, finishedAt: now, sentCount: counts.sent, failedCount: counts.failed, error: c.error ?? null },
    });
    await tx.$executeRaw`
      UPDATE sync_runs SET sent = sent + ${counts.sent}, failed = failed + ${counts.failed},
        exceptions = exceptions + ${counts.rejected}, heartbeat_at = ${now}::timestamptz
      WHERE id = ${c.runId}::uuid`;
    return { counts, runFinal: await finalizeIfDone(tx, c.runId, now) };
  }, TX_OPTIONS);
}

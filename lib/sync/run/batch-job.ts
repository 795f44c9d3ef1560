import { BatchBusyError, tryLockBatch } from "./batch-lock";
import { completeBatch } from "./complete-batch";
import { dispatchCommerceStep } from "./dispatch";
import { executeBatch } from "./execute-batch";
import { startHeartbeat } from "./heartbeat";
import { notifyRunFinished } from "./run-finished";
import type { BatchJobData } from "./jobs";
import type { Runtime } from "./runtime";

/**
 * sync.batch: one planned batch, start to finish. Runs again safely: a finished batch is skipped, a batch a dead
 * worker left 'running' is redone (its requests are idempotent), one still owned by a live attempt is retried later.
 */
export async function handleBatchJob(rt: Runtime, { runId, batchId }: BatchJobData): Promise<void> {
  const unlock = await tryLockBatch(rt.locks, batchId);
  if (!unlock) throw new BatchBusyError(batchId);
  try {
    const batch = await rt.prisma.syncBatch.findUnique({ where: { id: batchId } });
    if (!batch || (batch.status !== "pending" && batch.status !== "running")) return;
    const run = await rt.prisma.syncRun.findUnique({ where: { id: runId } });
    if (!run || run.status === "cancelled") {
      await rt.prisma.syncBatch.updateMany({ where: { id: batchId, status: { in: ["pending", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
      return;
    }
    // Paused: not started batches wait for resume (which sends them again); one a dead worker left running is finished.
    if (run.status === "paused" && batch.status === "pending") return;
    // Planning: batches are sent as the planner writes them (pipelining).
    if (run.status !== "running" && run.status !== "paused" && run.status !== "planning") return;
    await rt.prisma.syncBatch.update({ where: { id: batchId }, data: { status: "running", startedAt: new Date(), attempts: { increment: 1 }, error: null } });
    const stopHeartbeat = startHeartbeat(rt.prisma, runId, rt.heartbeatMs, rt.log);
    const started = Date.now();
    try {
      const outcomes = await executeBatch(rt, run, batch);
      const { counts, runFinal } = await completeBatch(rt.prisma, { runId, batchId, status: "succeeded", outcomes });
      rt.log.info(
        { runId, batchId, seq: batch.seq, kind: batch.kind, audienceId: batch.audienceId, records: batch.recordCount, ...counts, ms: Date.now() - started, attempt: batch.attempts + 1 },
        "batch finished",
      );
      if (runFinal) rt.log.info({ runId, status: runFinal }, "run finished");
      await notifyRunFinished(rt, runId, runFinal);
      if (!runFinal && batch.kind !== "commerce") await dispatchCommerceStep(rt.prisma, rt.queue, runId);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Kept for the dead-letter handler: the reason the run fails with if no retry succeeds.
      await rt.prisma.syncBatch.update({ where: { id: batchId }, data: { error: message } });
      rt.log.warn({ runId, batchId, seq: batch.seq, err: message, ms: Date.now() - started }, "batch attempt failed");
      throw err;
    } finally {
      stopHeartbeat();
    }
  } finally {
    await unlock();
  }
}

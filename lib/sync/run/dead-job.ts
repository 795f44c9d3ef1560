import { tryLockBatch } from "./batch-lock";
import { TX_OPTIONS, lockRun } from "./db";
import { finalizeIfDone } from "./finalize";
import type { Runtime } from "./runtime";

/**
 * A plan or batch job out of retries (including one whose last attempt died with its worker). The batch fails
 * with the last error it recorded; the run ends once nothing else is open.
 */
export async function handleDeadJob(rt: Runtime, data: { runId: string; batchId?: string | undefined }): Promise<void> {
  // Out of retries because a slow, live attempt kept the batch busy: that attempt will finish and record it.
  const unlock = data.batchId ? await tryLockBatch(rt.locks, data.batchId) : async () => undefined;
  if (!unlock) return;
  try {
    await failForGood(rt, data);
  } finally {
    await unlock();
  }
}

async function failForGood(rt: Runtime, data: { runId: string; batchId?: string | undefined }): Promise<void> {
  const now = new Date();
  const final = await rt.prisma.$transaction(async (tx) => {
    const run = await lockRun(tx, data.runId);
    if (!run) return null;
    if (!data.batchId) {
      await tx.syncRun.updateMany({
        where: { id: data.runId, status: { in: ["queued", "planning"] } },
        data: { status: "failed", finishedAt: now, error: "Planning did not complete after retries" },
      });
      return "failed";
    }
    await tx.syncBatch.updateMany({
      where: { id: data.batchId, status: { in: ["pending", "running"] } },
      data: { status: "failed", finishedAt: now },
    });
    await tx.$executeRaw`UPDATE sync_batches SET error = coalesce(error, 'gave up after retries') WHERE id = ${data.batchId}::uuid AND status = 'failed'`;
    return finalizeIfDone(tx, data.runId, now);
  }, TX_OPTIONS);
  rt.log.error({ ...data, runFinal: final }, "job out of retries");
}

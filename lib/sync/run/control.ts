import { lockRun, TX_OPTIONS, type Db } from "./db";
import { dispatchGeneration, dispatchPending } from "./dispatch";
import { RunNotFoundError, RunStateError } from "./errors";
import { finalizeIfDone } from "./finalize";
import type { RunQueue } from "./queue";

export async function getRun(prisma: Db, runId: string) {
  return prisma.syncRun.findUnique({ where: { id: runId } });
}

/** Batches not started stay pending; the ones running finish. Only a running run can pause. */
export async function pauseRun(prisma: Db, runId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run) throw new RunNotFoundError(runId);
    if (run.status !== "running") throw new RunStateError(runId, run.status, "pause");
    await tx.syncRun.update({ where: { id: runId }, data: { status: "paused" } });
  }, TX_OPTIONS);
}

/** Back to running, and every batch left pending is sent again under a new dispatch generation. */
export async function resumeRun(prisma: Db, runId: string, queue: RunQueue): Promise<void> {
  const generation = await prisma.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run) throw new RunNotFoundError(runId);
    if (run.status !== "paused") throw new RunStateError(runId, run.status, "resume");
    const row = await tx.syncRun.findUniqueOrThrow({ where: { id: runId }, select: { summary: true } });
    const next = dispatchGeneration(row.summary) + 1;
    await tx.$executeRaw`
      UPDATE sync_runs SET status = 'running', summary = summary || jsonb_build_object('dispatchGeneration', ${next}::int)
      WHERE id = ${runId}::uuid`;
    // Batches that were running at pause time may all have finished since.
    await finalizeIfDone(tx, runId);
    return next;
  }, TX_OPTIONS);
  await dispatchPending(prisma, queue, runId, generation);
}

/** Pending batches are cancelled at once; a batch in flight finishes the request it is making and records it. */
export async function cancelRun(prisma: Db, runId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run) throw new RunNotFoundError(runId);
    if (!["queued", "planning", "running", "paused"].includes(run.status)) throw new RunStateError(runId, run.status, "cancel");
    const now = new Date();
    await tx.syncBatch.updateMany({ where: { runId, status: "pending" }, data: { status: "cancelled", finishedAt: now } });
    await tx.syncRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: now, heartbeatAt: now } });
  }, TX_OPTIONS);
}

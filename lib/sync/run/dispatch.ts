import type { Db } from "./db";
import type { RunQueue } from "./queue";

/**
 * One batch job per pending batch. Job ids derive from (batch, generation): a plan job retried after a crash
 * dispatches generation 0 again and enqueues nothing new; each resume is a new generation.
 */
export async function dispatchPending(prisma: Db, queue: RunQueue, runId: string, generation: number): Promise<number> {
  const batches = await prisma.syncBatch.findMany({ where: { runId, status: "pending" }, select: { id: true }, orderBy: { seq: "asc" } });
  for (const b of batches) await queue.sendBatch(runId, b.id, generation);
  return batches.length;
}

export function dispatchGeneration(summary: unknown): number {
  const value = typeof summary === "object" && summary !== null ? (summary as Record<string, unknown>).dispatchGeneration : undefined;
  return typeof value === "number" ? value : 0;
}

/** The commerce step a batch completion just added (finalizeIfDone): sent under the run's current generation. */
export async function dispatchCommerceStep(prisma: Db, queue: RunQueue, runId: string): Promise<void> {
  const step = await prisma.syncBatch.findFirst({ where: { runId, kind: "commerce", status: "pending" }, select: { id: true, run: { select: { summary: true, status: true } } } });
  if (step && step.run.status === "running") await queue.sendBatch(runId, step.id, dispatchGeneration(step.run.summary));
}

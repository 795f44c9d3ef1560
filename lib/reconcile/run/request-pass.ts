import type { PrismaClient } from "@/lib/generated/prisma/client";
import { lockSpace } from "@/lib/sync/governor";
import type { PassQueue } from "./jobs";

export interface RequestPassInput {
  /** cron | console | after_run | cli | demo | bench | test */
  trigger: string;
  requestedById?: string;
  afterRunId?: string;
}

const REQUEST_LOCK = lockSpace("bridgeline:request-reconcile");
/** Past the job's expiry (30 min) plus its one retry: a pass still "running" then lost its worker for good. */
const STALE_MS = 65 * 60_000;

/**
 * Queues a read-back pass, or hands back the one already queued or running: two passes at once would read the
 * same audiences twice for one answer. The check and the insert happen under a transaction advisory lock.
 */
export async function requestPass(prisma: PrismaClient, input: RequestPassInput, queue: PassQueue): Promise<{ passId: string; created: boolean }> {
  const { passId, created } = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REQUEST_LOCK}::int)`;
    await tx.reconcilePass.updateMany({
      where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(Date.now() - STALE_MS) } },
      data: { status: "failed", error: "Abandoned: its worker stopped before finishing.", finishedAt: new Date() },
    });
    const active = await tx.reconcilePass.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (active) return { passId: active.id, created: false };
    const pass = await tx.reconcilePass.create({
      data: { trigger: input.trigger, ...(input.requestedById ? { requestedById: input.requestedById } : {}), ...(input.afterRunId ? { afterRunId: input.afterRunId } : {}) },
    });
    return { passId: pass.id, created: true };
  });
  if (!created) return { passId, created };
  try {
    await queue.sendPass(passId);
  } catch (err) {
    // A queued pass nobody will run would make every later request return it: give up on it visibly.
    await prisma.reconcilePass.update({ where: { id: passId }, data: { status: "failed", error: `Could not enqueue the pass: ${err instanceof Error ? err.message : String(err)}`, finishedAt: new Date() } });
    throw err;
  }
  return { passId, created };
}

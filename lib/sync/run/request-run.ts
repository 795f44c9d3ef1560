import { lockSpace } from "@/lib/sync/governor";
import { ACTIVE_RUN_STATUSES, TX_OPTIONS, type Db } from "./db";
import { RunConflictError } from "./errors";
import type { RunQueue } from "./queue";
import type { RunScope } from "./run-scope";

export interface RequestRunInput {
  mode: "full" | "incremental";
  /** cron | console | cli | demo | bench | test */
  trigger: string;
  dryRun?: boolean;
  requestedById?: string;
  /** A targeted run (a repair): only these families are re-planned, and these emails sent again. */
  scope?: RunScope;
}

const REQUEST_LOCK = lockSpace("bridgeline:request-run");

/**
 * Creates a queued run and its plan job. One active run at a time: the check and the insert happen under a
 * transaction-level advisory lock, so two callers (cron and console at the same second) cannot both pass.
 */
export async function requestRun(prisma: Db, input: RequestRunInput, queue: RunQueue): Promise<{ runId: string }> {
  const runId = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REQUEST_LOCK}::int)`;
    const active = await tx.syncRun.findFirst({
      where: { status: { in: [...ACTIVE_RUN_STATUSES] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true },
    });
    if (active) throw new RunConflictError(active.id, active.status);
    const run = await tx.syncRun.create({
      data: {
        mode: input.mode,
        trigger: input.trigger,
        dryRun: input.dryRun ?? false,
        ...(input.requestedById ? { requestedById: input.requestedById } : {}),
        ...(input.scope ? { scope: input.scope } : {}),
      },
    });
    return run.id;
  }, TX_OPTIONS);
  try {
    await queue.sendPlan(runId);
  } catch (err) {
    // A queued run nobody will plan would block every later run: give up on it visibly.
    const message = `Could not enqueue the plan job: ${err instanceof Error ? err.message : String(err)}`;
    await prisma.syncRun.update({ where: { id: runId }, data: { status: "failed", error: message, finishedAt: new Date() } });
    throw err;
  }
  return { runId };
}

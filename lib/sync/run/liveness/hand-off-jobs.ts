import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";
import { PASS_JOB } from "@/lib/reconcile/run/jobs";
import { BATCH_JOB, PLAN_JOB } from "../jobs";
import { decideHandoffs, type ActiveJob, type Handoff, type WorkerBeat } from "./decide-handoffs";

export interface HandoffPass {
  declared: string[];
  handed: Handoff[];
  /** Consent write-backs a gone worker had claimed, released for the next pass of any worker. */
  releasedWritebacks: number;
}

/**
 * One pass of crash recovery, run by every live worker every few seconds: read the beats and the claims, let
 * decideHandoffs judge, then act. A worker newly declared dead has its governor session ended (its batch locks
 * and connection slots go with it; a hung worker that wakes up starts over as a new worker, see
 * supervise-worker.ts), then each job it claimed is sent again under a derived id and the old job cancelled, so
 * pg-boss neither waits out its expiry nor runs it twice. Sending first: a pass that dies half-way leaves the claim for the next pass, never a lost job.
 */
export async function handOffJobs(o: { prisma: Db; boss: PgBoss; self: string; observingSince: Date | null; deadAfterMs: number; log: Logger }): Promise<HandoffPass> {
  const [clock] = await o.prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
  const now = clock!.now;
  const claims = await o.prisma.syncJobClaim.findMany();
  const claimedBy = [...new Set(claims.map((c) => c.workerId))];
  const workers: WorkerBeat[] = await o.prisma.syncWorker.findMany({
    where: { OR: [{ stoppedAt: null, declaredDeadAt: null }, { id: { in: claimedBy } }] },
    select: { id: true, heartbeatAt: true, stoppedAt: true, declaredDeadAt: true },
  });
  // pg-boss 10's own table (schema "pgboss", queue.ts): active plan, batch and read-back jobs that no worker claims.
  const unclaimed = await o.prisma.$queryRaw<ActiveJob[]>`
    SELECT j.id::text AS "jobId", j.name AS queue, j.data, j.started_on AS "startedOn" FROM pgboss.job j
    WHERE j.name IN (${PLAN_JOB}, ${BATCH_JOB}, ${PASS_JOB}) AND j.state = 'active'
      AND NOT EXISTS (SELECT 1 FROM sync_job_claims c WHERE c.job_id = j.id)`;
  const decision = decideHandoffs({ now, self: o.self, observingSince: o.observingSince, workers, claims, unclaimed, deadAfterMs: o.deadAfterMs });
  const spared = new Set<string>();
  for (const dead of decision.declareDead) {
    // Only if it has not beaten since we looked: a late beat means it is alive after all.
    const marked = await o.prisma.syncWorker.updateMany({
      where: { id: dead.workerId, declaredDeadAt: null, stoppedAt: null, heartbeatAt: { lte: dead.lastHeartbeatAt } },
      data: { declaredDeadAt: now },
    });
    if (marked.count === 0) {
      const row = await o.prisma.syncWorker.findUnique({ where: { id: dead.workerId }, select: { declaredDeadAt: true } });
      if (!row?.declaredDeadAt) spared.add(dead.workerId);
      continue;
    }
    const ended = await endSession(o.prisma, dead.workerId);
    o.log.warn({ deadWorker: dead.workerId, silentMs: dead.silentMs, sessionEnded: ended }, "worker declared dead: no heartbeat");
  }
  const handed: Handoff[] = [];
  for (const h of decision.handoffs) {
    if (h.claim.workerId && spared.has(h.claim.workerId)) continue;
    await o.boss.send(h.claim.queue, h.claim.data as object, { id: h.newJobId });
    await o.boss.cancel(h.claim.queue, h.claim.jobId);
    await o.prisma.$transaction([
      o.prisma.syncJobHandoff.createMany({
        data: [{
          jobId: h.claim.jobId, queue: h.claim.queue, data: h.claim.data as Prisma.InputJsonValue, deadWorkerId: h.claim.workerId,
          lastHeartbeatAt: h.lastHeartbeatAt, newJobId: h.newJobId, byWorkerId: o.self, reason: h.reason, handedAt: now,
        }],
        skipDuplicates: true,
      }),
      o.prisma.syncJobClaim.deleteMany({ where: { jobId: h.claim.jobId, workerId: h.claim.workerId ?? undefined } }),
    ]);
    o.log.warn({ deadWorker: h.claim.workerId, queue: h.claim.queue, jobId: h.claim.jobId, newJobId: h.newJobId, reason: h.reason }, "job handed on from a gone worker");
    handed.push(h);
  }
  // Leases of any worker that is not alive now: just declared dead, stopped, or declared dead by a pass that
  // died before releasing them (its row is no longer among the ones read above).
  const releasedWritebacks = await o.prisma.$executeRaw`
    UPDATE consent_writebacks w SET leased_by = NULL, next_attempt_at = ${now}
    WHERE w.status = 'pending' AND w.leased_by IS NOT NULL AND w.leased_by <> ${o.self}::uuid
      AND NOT EXISTS (SELECT 1 FROM sync_workers s WHERE s.id = w.leased_by AND s.stopped_at IS NULL AND s.declared_dead_at IS NULL)`;
  if (releasedWritebacks > 0) o.log.warn({ releasedWritebacks }, "consent write-backs of a gone worker released");
  return { releasedWritebacks, declared: decision.declareDead.map((d) => d.workerId).filter((id) => !spared.has(id)), handed };
}

/**
 * Ends the dead worker's governor session. The pid alone could name an unrelated session by now (pids are
 * reused), so it must also be a governor session that started before the worker registered.
 */
async function endSession(prisma: Db, workerId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<Array<{ ended: boolean }>>`
    SELECT pg_terminate_backend(a.pid) AS ended FROM pg_stat_activity a JOIN sync_workers w ON w.backend_pid = a.pid
    WHERE w.id = ${workerId}::uuid AND a.application_name = 'bridgeline-governor' AND a.backend_start <= w.started_at`;
  return rows.some((r) => r.ended);
}

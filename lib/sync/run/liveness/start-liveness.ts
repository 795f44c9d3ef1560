import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { SerialSession } from "@/lib/sync/governor";
import type { Db } from "../db";
import { handOffJobs, type HandoffPass } from "./hand-off-jobs";
import { jobClaims, type JobClaims } from "./job-claims";

export interface LivenessSettings {
  /** How often this worker beats and looks for dead ones. */
  beatMs: number;
  /** A worker silent this long is dead; its jobs are handed on at most one beatMs later. */
  deadAfterMs: number;
}

/** 3 s beats, dead after 15 s: a crashed worker's jobs run again within ~20 s (the issue asks for 30). */
export const DEFAULT_LIVENESS: LivenessSettings = { beatMs: 3_000, deadAfterMs: 15_000 };

export interface Liveness extends JobClaims {
  workerId: string;
  /** Runs one recovery pass now (tests, and the first pass on start). */
  passNow(): Promise<HandoffPass>;
  /** Stops beating and says so: jobs still claimed (a stop that timed out) are handed on at once. */
  stop(): Promise<void>;
}

/**
 * A worker's heartbeat and its share of crash recovery (what is handed on, and how: hand-off-jobs.ts).
 * The beat goes over the governor's own session: if that session is gone, so are the worker's batch locks and
 * connection slots, and the worker stops and starts over (supervise-worker.ts). A beat that finds this worker
 * declared dead (it was paused or cut off longer than deadAfterMs, and its jobs are someone else's now) ends that
 * session the same way.
 */
export async function startLiveness(o: { prisma: Db; session: SerialSession; boss: PgBoss; log: Logger; settings: LivenessSettings }): Promise<Liveness> {
  const workerId = randomUUID();
  const { rows } = await o.session.query<{ pid: number; now: Date }>("SELECT pg_backend_pid() AS pid, now() AS now");
  await o.prisma.syncWorker.create({ data: { id: workerId, hostname: hostname(), pid: process.pid, backendPid: rows[0]!.pid } });
  // Rows of workers long gone, with nothing left to hand on.
  await o.prisma.$executeRaw`
    DELETE FROM sync_workers w WHERE coalesce(w.stopped_at, w.declared_dead_at) < now() - interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM sync_job_claims c WHERE c.worker_id = w.id)`;
  let observingSince: Date | null = rows[0]!.now;
  let stopped = false;

  const beat = async () => {
    try {
      const res = await o.session.query<{ now: Date; declared_dead_at: Date | null }>(
        "UPDATE sync_workers SET heartbeat_at = now() WHERE id = $1 RETURNING now() AS now, declared_dead_at",
        [workerId],
      );
      const row = res.rows[0];
      if (row?.declared_dead_at) {
        o.log.fatal({ workerId }, "this worker was declared dead by another (no heartbeat for too long); its jobs were handed on");
        await o.session.client.end();
        return;
      }
      observingSince ??= row?.now ?? null;
    } catch (err) {
      observingSince = null;
      o.log.warn({ err: err instanceof Error ? err.message : String(err) }, "worker heartbeat failed");
    }
  };
  let passing: Promise<unknown> = Promise.resolve();
  const passNow = () => {
    const next = passing.then(() => handOffJobs({ prisma: o.prisma, boss: o.boss, self: workerId, observingSince, deadAfterMs: o.settings.deadAfterMs, log: o.log }));
    passing = next.catch(() => undefined);
    return next;
  };
  const timer = setInterval(() => {
    void beat().then(() => (stopped || observingSince === null ? undefined : passNow())).catch((err: unknown) => {
      o.log.warn({ err: err instanceof Error ? err.message : String(err) }, "crash recovery pass failed; next beat tries again");
    });
  }, o.settings.beatMs);
  timer.unref();

  return {
    workerId,
    ...jobClaims(o.prisma, workerId, o.log),
    passNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await passing;
      await o.prisma.syncWorker.update({ where: { id: workerId }, data: { stoppedAt: new Date() } }).catch((err: unknown) => {
        o.log.warn({ err: err instanceof Error ? err.message : String(err) }, "could not record this worker's stop; its beat goes stale instead");
      });
    },
  };
}

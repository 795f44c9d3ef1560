import pg from "pg";
import type { Logger } from "pino";
import { describeDatabaseError } from "@/lib/db/health";
import { logger as rootLogger } from "@/lib/logger";
import type { Db } from "../db";
import { StartFailure, startWorker, type RunningWorker, type WorkerOptions } from "../worker";

export interface DatabaseOutage {
  from: Date;
  to: Date;
}

export interface SupervisedWorker {
  /** The worker running now (none while the database is away). */
  current(): RunningWorker | undefined;
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

/**
 * A worker that outlives a database outage (a restart, a failover, a cut network). Its governor session is the
 * one that matters: when it ends, this worker's batch locks and connection slots are gone, so it stops taking
 * jobs, lets the Mailchimp requests it has in flight settle (so a new worker never adds to them: the 10-connection
 * budget holds), says the sync is paused, and waits for the database. When it is back, a new worker starts (a
 * new id; the old one is marked stopped, so its unfinished jobs are handed on at once), and the runs that were
 * active record the outage in their summary (`databaseOutages`). Nothing is lost: a batch is recorded in one
 * transaction with its outcomes, or redone.
 */
export async function superviseWorker(o: WorkerOptions & { recheckMs?: number; start?: typeof startWorker }): Promise<SupervisedWorker> {
  const startOne = o.start ?? startWorker;
  const log = o.log ?? rootLogger.child({ component: "sync-worker", pid: process.pid });
  let stopping = false;
  let wake: (() => void) | undefined;
  let current: RunningWorker | undefined;
  const waitForIt = () => waitForDatabase(o.databaseUrl, log, o.recheckMs ?? 1_000, () => stopping, (w) => (wake = w));

  /**
   * Starts a worker, waiting for the database and trying again as long as it is lost while starting. `lost` is an
   * outage this process already sat through (its session ended): with it, or when a start fails after it had
   * registered (and so may have taken jobs), the earlier workers are marked stopped, so their unfinished jobs are
   * handed on at once, and the active runs record the outage. False when stopped meanwhile.
   */
  async function start(lost?: { from: Date; workerIds: string[] }): Promise<boolean> {
    let outage = lost;
    let backAt = new Date();
    for (;;) {
      try {
        current = await startOne({ ...o, log });
      } catch (err) {
        if (!isConnectionLoss(err)) throw err;
        const workerId = err instanceof StartFailure ? err.workerId : undefined;
        if (workerId) outage = { from: outage?.from ?? new Date(), workerIds: [...(outage?.workerIds ?? []), workerId] };
        log.warn({ err: err instanceof Error ? err.message : String(err) }, "database lost while the worker was starting; waiting for it");
        if (!(await waitForIt())) return false;
        backAt = new Date();
        continue;
      }
      if (outage) {
        const { prisma } = current.runtime;
        try {
          await prisma.syncWorker.updateMany({ where: { id: { in: outage.workerIds }, stoppedAt: null, declaredDeadAt: null }, data: { stoppedAt: backAt } });
          await recordOutage(prisma, { from: outage.from, to: backAt });
          await current.liveness.passNow();
        } catch (err) {
          // Gone again already: the new session's end says so, and the next start records it.
          log.warn({ err: err instanceof Error ? err.message : String(err) }, "could not record the outage");
        }
      }
      return true;
    }
  }

  if (!(await start())) throw new Error("stopped before the worker could start");
  const loop = (async () => {
    while (!stopping && current) {
      const worker = current;
      await sessionEnded(worker);
      if (stopping) return;
      const from = new Date();
      // The database went away, or another worker declared this one dead (it was stalled): either way start over.
      log.error({ workerId: worker.liveness.workerId }, "database session lost: sync paused in this worker until it can start over (its jobs are handed on then)");
      current = undefined;
      await worker.stop({ timeoutMs: o.mailchimpTimeoutMs ?? 120_000 }).catch((err: unknown) => {
        log.warn({ err: err instanceof Error ? err.message : String(err) }, "worker stopped without the database");
      });
      if (!(await waitForIt())) return;
      log.info({ seconds: Math.round((Date.now() - from.getTime()) / 100) / 10 }, "database back: sync resumes");
      if (!(await start({ from, workerIds: [worker.liveness.workerId] }))) return;
    }
  })();
  loop.catch((err: unknown) => log.fatal({ err }, "worker supervision failed"));
  return {
    current: () => current,
    async stop(opts) {
      stopping = true;
      wake?.();
      const worker = current;
      current = undefined;
      if (worker) await worker.stop(opts);
      await loop;
    },
  };
}

/** A start or session that failed because the database went away (not a bug or a bad setting). */
function isConnectionLoss(err: unknown): boolean {
  const messages = [err, err instanceof StartFailure ? err.cause : undefined].map((e) => (e instanceof Error ? e.message : String(e ?? "")));
  return messages.some((m) => /Connection terminated|ECONNREFUSED|ECONNRESET|connect|terminat/i.test(m));
}

function sessionEnded(worker: RunningWorker): Promise<void> {
  const client = worker.governor.connection.client;
  return new Promise((resolve) => {
    client.once("end", () => resolve());
    client.once("error", () => resolve());
  });
}

/** Resolves true once the database answers again, false when stopped meanwhile. */
async function waitForDatabase(url: string, log: Logger, everyMs: number, stopped: () => boolean, onWait: (wake: () => void) => void): Promise<boolean> {
  let said = false;
  while (!stopped()) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch (err) {
      if (!said) log.warn({ reason: describeDatabaseError(err) }, "database unavailable: waiting for it (sync paused)");
      said = true;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, everyMs);
      onWait(() => (clearTimeout(t), resolve()));
    });
  }
  return false;
}

/**
 * Each active run keeps the outages it sat through, once however many workers report the same one: an entry is
 * added only when no recorded outage overlaps it.
 */
export async function recordOutage(prisma: Db, outage: DatabaseOutage): Promise<number> {
  const seconds = Math.round((outage.to.getTime() - outage.from.getTime()) / 100) / 10;
  return prisma.$executeRaw`
    UPDATE sync_runs SET summary = jsonb_set(summary, '{databaseOutages}',
      coalesce(summary->'databaseOutages', '[]'::jsonb)
        || jsonb_build_array(jsonb_build_object('from', ${outage.from.toISOString()}::text, 'to', ${outage.to.toISOString()}::text, 'seconds', ${seconds}::float8)))
    WHERE status IN ('planning', 'running', 'paused')
      AND NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(coalesce(summary->'databaseOutages', '[]'::jsonb)) e
        WHERE (e->>'from')::timestamptz <= ${outage.to}::timestamptz AND (e->>'to')::timestamptz >= ${outage.from}::timestamptz)`;
}

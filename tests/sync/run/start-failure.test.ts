import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { defaultPlanner } from "@/lib/sync/run/default-planner";
import { superviseWorker } from "@/lib/sync/run/liveness/supervise-worker";
import { StartFailure, startWorker, type WorkerOptions } from "@/lib/sync/run/worker";
import { useTestDatabase } from "@/tests/helpers/db";
import { startTcpProxy, type TcpProxy } from "@/tests/helpers/tcp-proxy";
import { insertRun, startMailchimp } from "./helpers";

/**
 * A worker whose start fails part-way (issue 15): it leaves nothing running in the process, and a supervised
 * worker whose database went while it was starting (after it had registered and could have taken jobs) records
 * the outage on the active runs and marks its half-started self stopped, as after a lost session. A CI run cut
 * the database during a start and the run's summary had no outage.
 */
const db = await useTestDatabase();
let mc: Awaited<ReturnType<typeof startMailchimp>>;
let proxy: TcpProxy;
const log = pino({ level: "silent" });

beforeAll(async () => {
  mc = await startMailchimp({});
  const target = new URL(db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
});
afterAll(async () => {
  await proxy.close();
  await mc.emulator.close();
});

const options = (databaseUrl: string): WorkerOptions => ({
  databaseUrl, mailchimp: mc.config, odoo: { url: "http://127.0.0.1:9", db: "none", username: "none", apiKey: "none", protocol: "json2" },
  planner: defaultPlanner, concurrency: 1, log, announce: false,
});
const sessionsOfWorkers = async () =>
  (await db.prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND application_name IN ('bridgeline-governor', 'bridgeline-queue') AND pid <> pg_backend_pid()`)[0]!.n;

describe("a worker start that fails part-way", () => {
  it("stops what it had started and names the worker it had registered", async () => {
    // pg-boss refuses a negative retry limit when the alert queue is created: after the governor, the queue, the
    // heartbeat and the batch handlers have started.
    const failed = await startWorker({ ...options(db.url), alerts: { retry: { retryLimit: -1, retryDelay: -1 } } }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(StartFailure);
    const workerId = (failed as StartFailure).workerId;
    expect(workerId).toBeTruthy();
    expect((await db.prisma.syncWorker.findUniqueOrThrow({ where: { id: workerId! } })).stoppedAt).not.toBeNull();
    expect(await sessionsOfWorkers()).toBe(0);
  });

  it("when supervised and the database went while starting, records the outage and starts again", async () => {
    const run = await insertRun(db.prisma);
    let attempts = 0;
    const worker = await superviseWorker({
      ...options(proxy.url(db.url)), recheckMs: 50,
      start: async (o) => {
        attempts++;
        if (attempts > 1) return startWorker(o);
        // The first start gets as far as registering, then the database goes (as a restart does) and comes back.
        const half = await startWorker(o);
        await proxy.cut();
        await half.stop({ timeoutMs: 1_000 }).catch(() => undefined);
        setTimeout(() => void proxy.restore(), 300);
        throw new StartFailure(new Error("Connection terminated unexpectedly"), half.liveness.workerId);
      },
    });
    try {
      expect(attempts).toBe(2);
      const rows = await db.prisma.syncWorker.findMany({ orderBy: { startedAt: "asc" } });
      const [first, second] = rows.slice(-2);
      expect(first!.stoppedAt).not.toBeNull();
      expect(second!.id).toBe(worker.current()!.liveness.workerId);
      const summary = (await db.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } })).summary as { databaseOutages?: unknown[] };
      expect(summary.databaseOutages).toHaveLength(1);
    } finally {
      await worker.stop({ timeoutMs: 1_000 });
    }
  });
});

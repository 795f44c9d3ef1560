import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { waitForRun } from "@/lib/sync/run/wait-run";
import { useTestDatabase } from "@/tests/helpers/db";
import { startTcpProxy, type TcpProxy } from "@/tests/helpers/tcp-proxy";
import { until } from "@/tests/helpers/until";
import { insertBatch, insertRun, memberDump, planned, startMailchimp } from "./helpers";
import { FAST_LIVENESS_ARGS, spawnWorker } from "./spawn-worker";

/**
 * The database goes away in the middle of a run and comes back (issue 15). The shared Postgres must not be
 * restarted, so the workers reach it through a TCP proxy that is cut (every session ends, new ones are refused,
 * as when Postgres restarts) and restored. The workers say the sync is paused, wait, and carry on; the run
 * finishes with every member sent once and records the outage. The queue keeps its 10-minute expiry: the
 * interrupted batches are taken up again by the restarted worker, not by expiry.
 */
const db = await useTestDatabase();
let boss: PgBoss;
let proxy: TcpProxy;
let mc: Awaited<ReturnType<typeof startMailchimp>>;
const children: Array<ReturnType<typeof spawnWorker>> = [];

beforeAll(async () => {
  boss = await startBoss(db.url, { maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 }, { supervise: false });
  const target = new URL(db.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  mc = await startMailchimp({ latencyMs: 60, perRecordMs: 1 });
  await mc.client.mergeFields.create(mc.listId, { tag: "ORDERS", name: "Orders", type: "number" });
});
afterAll(async () => {
  for (const w of children) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: true });
  await proxy.close();
  await mc.emulator.close();
});

const BATCHES = 40;
const PER_BATCH = 15;
const stateOfRun = async () => ({
  batches: await db.prisma.syncBatch.groupBy({ by: ["status"], _count: true }),
  claims: await db.prisma.syncJobClaim.count(),
  workers: await db.prisma.syncWorker.findMany({ select: { id: true, pid: true, heartbeatAt: true, stoppedAt: true, declaredDeadAt: true } }),
  jobs: await db.prisma.$queryRaw`SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = 'sync.batch' GROUP BY 1`,
});
const explain = async () => `${JSON.stringify(await stateOfRun())}\n${children.map((w) => w.output()).join("\n---\n").slice(-6000)}`;

describe("a database restart during a run", () => {
  it("pauses the workers, which carry on when it is back; the run finishes with nothing lost or sent twice", async () => {
    const run = await insertRun(db.prisma);
    for (let b = 0; b < BATCHES; b++) {
      await insertBatch(db.prisma, run.id, b, mc.listId, "subscribe_new", Array.from({ length: PER_BATCH }, (_, i) => planned(`r${b}x${i}@shopper.org`)));
    }
    const queue = bossQueue(boss);
    for (const batch of await db.prisma.syncBatch.findMany({ where: { runId: run.id } })) await queue.sendBatch(run.id, batch.id, 0);
    const args = ["--concurrency", "4", "--retry-delay-seconds", "1", "--mailchimp-timeout-ms", "10000", "--no-consent", "--no-alerts", ...FAST_LIVENESS_ARGS];
    const workers = [0, 1].map(() => spawnWorker({ databaseUrl: proxy.url(db.url), mailchimp: mc.config }, args));
    children.push(...workers);
    await until("batches before the cut", async () => (await db.prisma.syncBatch.count({ where: { runId: run.id, status: "succeeded" } })) >= 8, { boundMs: 60_000, explain });

    const cutAt = Date.now();
    await proxy.cut();
    const runningAtCut = await db.prisma.syncBatch.count({ where: { runId: run.id, status: "running" } });
    // Both workers notice and say so, and stay up.
    await until("both workers to say they wait", async () => workers.every((w) => /database unavailable: waiting for it \(sync paused\)/.test(w.output())), { boundMs: 60_000, explain });
    // Down for a few seconds, as a restart is.
    await new Promise((r) => setTimeout(r, Math.max(0, cutAt + 4_000 - Date.now())));
    const midOutage = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(midOutage.status).toBe("running");
    await proxy.restore();
    const outageSeconds = (Date.now() - cutAt) / 1000;
    const restoredAt = Date.now();

    const done = await until("the run to finish", async () => {
      const r = await waitForRun(db.prisma, run.id, { timeoutMs: 1_000 });
      return r.finishedAt ? r : null;
    }, { explain });
    const recoverySeconds = ((done.finishedAt?.getTime() ?? Date.now()) - restoredAt) / 1000;
    expect(done, workers.map((w) => w.output()).join("\n")).toMatchObject({ status: "succeeded", sent: BATCHES * PER_BATCH, failed: 0 });
    expect(workers.map((w) => w.child.exitCode)).toEqual([null, null]);

    // Nothing lost, nothing twice: every member once in Mailchimp and in sync_records, every batch succeeded once.
    const members = await memberDump(mc.emulator.baseUrl, mc.listId);
    expect(members).toHaveLength(BATCHES * PER_BATCH);
    expect(await db.prisma.syncRecord.count({ where: { lastStatus: "synced" } })).toBe(BATCHES * PER_BATCH);
    expect(await db.prisma.syncBatch.groupBy({ by: ["status"], where: { runId: run.id }, _count: true })).toEqual([{ status: "succeeded", _count: BATCHES }]);
    // The run says what it sat through: one outage, however many workers saw it.
    const outages = (done.summary as { databaseOutages?: Array<{ seconds: number }> }).databaseOutages ?? [];
    expect(outages).toHaveLength(1);
    // Each worker started over under a new id; the old ones are gone (marked stopped by their successor, or
    // declared dead by the other worker if it was back first) and their jobs were handed on.
    const rows = await db.prisma.syncWorker.findMany({ orderBy: { startedAt: "asc" } });
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.stoppedAt !== null || r.declaredDeadAt !== null)).toHaveLength(2);
    const handoffs = await db.prisma.syncJobHandoff.findMany();
    expect(handoffs.length).toBeGreaterThan(0);
    console.log(
      `database restart: outage ${outageSeconds.toFixed(1)} s with ${runningAtCut} batches running, ${handoffs.length} jobs handed on, ` +
        `run finished ${recoverySeconds.toFixed(1)} s after the database was back (recorded outage ${outages[0]?.seconds} s)`,
    );
    for (const w of workers) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { BATCH_JOB } from "@/lib/sync/run/jobs";
import { takeoverJobId } from "@/lib/sync/run/liveness/decide-handoffs";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { waitForRun } from "@/lib/sync/run/wait-run";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";
import { emulatorStats, insertBatch, insertRun, memberDump, normalise, planned, startMailchimp } from "./helpers";
import { FAST_LIVENESS_ARGS, spawnWorker } from "./spawn-worker";

/**
 * Crash recovery by heartbeat (issue 15): a worker killed with SIGKILL mid-batch has its batch jobs handed on by
 * a live worker once its beat goes stale, not after the queue's 10-minute expiry, which these jobs keep (the
 * run could not finish inside the hang guard without a hand-off). Asserted on the hand-off events.
 */
const db = await useTestDatabase();
let boss: PgBoss;
const children: Array<ReturnType<typeof spawnWorker>> = [];
let mc: Awaited<ReturnType<typeof startMailchimp>>;

beforeAll(async () => {
  // The queue's own expiry stays at its default (600 s): only the heartbeat can recover in time.
  boss = await startBoss(db.url, { maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 }, { supervise: false });
  mc = await startMailchimp({ latencyMs: 20, perRecordMs: 0.5 });
  await mc.client.mergeFields.create(mc.listId, { tag: "ORDERS", name: "Orders", type: "number" });
});
afterAll(async () => {
  for (const w of children) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: true });
  await mc.emulator.close();
});

const BATCHES = 30;
const PER_BATCH = 20;
const requestCount = (stats: { requests: Record<string, number> }) => Object.values(stats.requests).reduce((a, b) => a + b, 0);
const worker = (args: string[] = []) => {
  const w = spawnWorker({ databaseUrl: db.url, mailchimp: mc.config }, ["--concurrency", "6", "--retry-delay-seconds", "1", "--mailchimp-timeout-ms", "10000", "--no-consent", "--no-alerts", ...FAST_LIVENESS_ARGS, ...args]);
  children.push(w);
  return w;
};
const workerIdOf = (pid: number) => until("the worker to register", () => db.prisma.syncWorker.findFirst({ where: { pid } }).then((w) => w?.id));

describe("a worker killed with SIGKILL", () => {
  it("has its batches handed on by heartbeat to a live worker, which finishes the run", async () => {
    const run = await insertRun(db.prisma);
    for (let b = 0; b < BATCHES; b++) {
      await insertBatch(db.prisma, run.id, b, mc.listId, "subscribe_new", Array.from({ length: PER_BATCH }, (_, i) => planned(`k${b}x${i}@shopper.org`)));
    }
    const queue = bossQueue(boss);
    for (const batch of await db.prisma.syncBatch.findMany({ where: { runId: run.id } })) await queue.sendBatch(run.id, batch.id, 0);

    const doomed = worker();
    const doomedId = await workerIdOf(doomed.child.pid!);
    await until("3 batches to succeed", async () => (await db.prisma.syncBatch.count({ where: { runId: run.id, status: "succeeded" } })) >= 3, { boundMs: 90_000 });
    // From here Mailchimp applies each write and never answers: the doomed worker's batches stay running until it dies.
    mc.emulator.state.options.faultTimeoutRate = 1;
    const seen = requestCount(await emulatorStats(mc.emulator.baseUrl));
    await until("another Mailchimp request", async () => requestCount(await emulatorStats(mc.emulator.baseUrl)) > seen);
    const heir = worker();
    const heirId = await workerIdOf(heir.child.pid!);
    const held = await db.prisma.syncJobClaim.findMany({ where: { workerId: doomedId } });
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    mc.emulator.state.options.faultTimeoutRate = 0;
    expect(held.length).toBeGreaterThan(0);

    // A bound against a hang, far below the queue's 600 s expiry.
    const done = await waitForRun(db.prisma, run.id, { timeoutMs: 90_000 });
    expect(done, heir.output()).toMatchObject({ status: "succeeded", sent: BATCHES * PER_BATCH, failed: 0 });

    // The decision on record: the dead worker declared dead by the heir, every job it held sent again once.
    expect(await db.prisma.syncWorker.findUniqueOrThrow({ where: { id: doomedId } })).toMatchObject({ declaredDeadAt: expect.any(Date), stoppedAt: null });
    const handoffs = await db.prisma.syncJobHandoff.findMany({ where: { deadWorkerId: doomedId } });
    expect(handoffs.map((h) => h.jobId).sort()).toEqual(held.map((c) => c.jobId).sort());
    for (const h of handoffs) {
      expect(h).toMatchObject({ queue: BATCH_JOB, byWorkerId: heirId, reason: "heartbeat_stale", newJobId: takeoverJobId(h.jobId) });
      // Declared dead only after its beat had been silent for longer than the 3 s the workers were given.
      expect(h.handedAt.getTime() - (h.lastHeartbeatAt?.getTime() ?? Infinity)).toBeGreaterThan(3_000);
      expect((await boss.getJobById(BATCH_JOB, h.jobId))?.state).toBe("cancelled");
      expect((await boss.getJobById(BATCH_JOB, h.newJobId))?.state).toBe("completed");
    }
    expect(await db.prisma.syncJobClaim.count({ where: { workerId: doomedId } })).toBe(0);
    const members = normalise(await memberDump(mc.emulator.baseUrl, mc.listId));
    expect(members).toHaveLength(BATCHES * PER_BATCH);
    expect(new Set(members.map((m) => m.status))).toEqual(new Set(["subscribed"]));

    heir.child.kill("SIGTERM");
    expect(await heir.exited).toBe(0);
    // A clean stop says so: nothing for anyone to hand on.
    expect(await db.prisma.syncWorker.findUniqueOrThrow({ where: { id: heirId } })).toMatchObject({ stoppedAt: expect.any(Date), declaredDeadAt: null });
  }, 150_000);
});

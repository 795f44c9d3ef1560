import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { waitForRun } from "@/lib/sync/run/wait-run";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";
import { emulatorStats, insertBatch, insertRun, maxConcurrent, memberDump, normalise, planned, startMailchimp } from "./helpers";
import { FAST_QUEUE, FAST_WORKER_ARGS, spawnWorker } from "./spawn-worker";

/**
 * Real worker processes on one database and one Mailchimp: the connection budget holds across them, and a
 * worker killed mid-run leaves work another worker finishes to the same Mailchimp state as a clean run.
 */
const db = await useTestDatabase();
let boss: PgBoss;
const children: Array<ReturnType<typeof spawnWorker>> = [];
const emulators: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  boss = await startBoss(db.url, FAST_QUEUE, { supervise: false });
});
afterAll(async () => {
  for (const w of children) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: true });
  for (const e of emulators) await e.close();
});

const BATCHES = 50;
const PER_BATCH = 40;

/** The same run for every Mailchimp: 2000 new people, one of them unsubscribed already, and 3 existing members' updates. */
async function seedRun(mc: Awaited<ReturnType<typeof startMailchimp>>) {
  await mc.client.members.upsert(mc.listId, { email_address: "w0x0@shopper.org", status_if_new: "unsubscribed" });
  const run = await insertRun(db.prisma);
  for (let b = 0; b < BATCHES; b++) {
    const records = Array.from({ length: PER_BATCH }, (_, i) => planned(`w${b}x${i}@shopper.org`, { tags: [`odoo:group${b % 3}`] }));
    await insertBatch(db.prisma, run.id, b, mc.listId, "subscribe_new", records);
  }
  // Members that exist already (a plan never puts one member in two batches of a run, so these are others).
  for (let i = 0; i < 3; i++) await mc.client.members.upsert(mc.listId, { email_address: `again${i}@shopper.org`, status_if_new: "subscribed", merge_fields: { FNAME: "Before" } });
  await insertBatch(db.prisma, run.id, BATCHES, mc.listId, "upsert_existing", [0, 1, 2].map((i) => planned(`again${i}@shopper.org`, { merge: { FNAME: `Again${i}` }, tags: ["odoo:group1"] })));
  const queue = bossQueue(boss);
  for (const batch of await db.prisma.syncBatch.findMany({ where: { runId: run.id } })) await queue.sendBatch(run.id, batch.id, 0);
  return run;
}

/** Slow calls make the workers contend for connections; the emulator runs /batches one at a time at that cost per operation. */
async function mailchimp(latencyMs: number) {
  const mc = await startMailchimp({ latencyMs, perRecordMs: 0.5 });
  emulators.push(mc.emulator);
  await mc.client.mergeFields.create(mc.listId, { tag: "ORDERS", name: "Orders", type: "number" });
  return mc;
}

const requestCount = (stats: { requests: Record<string, number> }) => Object.values(stats.requests).reduce((a, b) => a + b, 0);


const workerEnv = (mc: Awaited<ReturnType<typeof mailchimp>>) => ({ databaseUrl: db.url, mailchimp: mc.config });
let cleanDump: ReturnType<typeof normalise> = [];

describe("worker processes", () => {
  it("three workers share 10 Mailchimp connections and finish the run", async () => {
    const mc = await mailchimp(400);
    const run = await seedRun(mc);
    for (let i = 0; i < 3; i++) children.push(spawnWorker(workerEnv(mc), ["--concurrency", "6", ...FAST_WORKER_ARGS]));
    // A bound against a hang, not a speed target: three workers starting at once on a busy 2-core machine took
    // over 40 s to send their first batch.
    const done = await waitForRun(db.prisma, run.id, { timeoutMs: 140_000 });
    expect(done, children.map((c) => c.output()).join("\n")).toMatchObject({ status: "succeeded", sent: BATCHES * PER_BATCH + 3, failed: 0 });
    const stats = await emulatorStats(mc.emulator.baseUrl);
    expect(maxConcurrent(stats)).toBeLessThanOrEqual(10);
    expect(maxConcurrent(stats)).toBeGreaterThanOrEqual(8);
    expect(Object.keys(stats.errors).filter((e) => e.startsWith("429"))).toEqual([]);
    cleanDump = normalise(await memberDump(mc.emulator.baseUrl, mc.listId));
    expect(cleanDump).toHaveLength(BATCHES * PER_BATCH + 3);
    expect(cleanDump.find((m) => m.email === "again1@shopper.org")?.merge).toMatchObject({ FNAME: "Again1" });
    expect(cleanDump.find((m) => m.email === "w0x0@shopper.org")?.status).toBe("unsubscribed");
    await Promise.all(children.splice(0).map((w) => (w.child.kill("SIGTERM"), w.exited)));
  }, 150_000);

  it("a worker killed with SIGKILL mid-run leaves a run another worker finishes, with the same Mailchimp state", async () => {
    // Batches the dead worker had started are redone: their members now exist, so they go through /batches.
    // A fresh emulator with the same list id: forget what the previous test's run learnt about its members, or
    // every batch would (rightly) skip batch subscribe for members Bridgeline has already seen.
    await db.prisma.syncRecord.deleteMany();
    const mc = await mailchimp(20);
    const run = await seedRun(mc);
    const doomed = spawnWorker(workerEnv(mc), ["--concurrency", "8", ...FAST_WORKER_ARGS]);
    children.push(doomed);
    await until("5 batches to succeed", async () => (await db.prisma.syncBatch.count({ where: { runId: run.id, status: "succeeded" } })) >= 5, { boundMs: 140_000 });
    // From here Mailchimp applies each write and never answers: the batches the worker holds stay running until
    // it dies, however fast or slow the machine (its 10 s request timeout is far beyond the kill).
    mc.emulator.state.options.faultTimeoutRate = 1;
    const seen = requestCount(await emulatorStats(mc.emulator.baseUrl));
    await until("another Mailchimp request", async () => requestCount(await emulatorStats(mc.emulator.baseUrl)) > seen);
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    mc.emulator.state.options.faultTimeoutRate = 0;
    const left = await db.prisma.syncBatch.groupBy({ by: ["status"], where: { runId: run.id }, _count: true });
    expect(left.find((g) => g.status === "running")?._count ?? 0).toBeGreaterThan(0);
    const heir = spawnWorker(workerEnv(mc), ["--concurrency", "8", ...FAST_WORKER_ARGS]);
    children.push(heir);
    const done = await waitForRun(db.prisma, run.id, { timeoutMs: 140_000 });
    expect(done, heir.output()).toMatchObject({ status: "succeeded", sent: BATCHES * PER_BATCH + 3, failed: 0 });
    expect(normalise(await memberDump(mc.emulator.baseUrl, mc.listId))).toEqual(cleanDump);
    heir.child.kill("SIGTERM");
    await heir.exited;
  }, 150_000);
});

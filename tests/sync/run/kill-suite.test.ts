import { afterAll, describe, expect, it } from "vitest";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { OdooClient } from "@/lib/odoo";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { requestRun } from "@/lib/sync/run/request-run";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { DEMO_AUDIENCES_FIXTURE } from "@/scripts/lib/emulators";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";
import { memberDump, normalise, startMailchimp } from "./helpers";
import { FAST_LIVENESS_ARGS, spawnWorker } from "./spawn-worker";

/**
 * Kill suite (issue 15): one full run with its consent flow-back, done twice from the same start: once
 * undisturbed, once while workers are killed with SIGKILL at least 10 times at random moments of the kinds that
 * matter (planning, mid-batch, while a /batches job is being polled, during a consent write-back to Odoo); each
 * killed worker is replaced at once, as a supervisor would. The Mailchimp audiences and Odoo's blacklist must end
 * the same. Prints the kills and how long each took to recover (until a live worker had handed on the dead one's
 * jobs or released its write-backs). The timing is printed, not asserted; the decisions are.
 */
const AUDIENCES = { sf_b2b: "5f1b2c0a01", sf_b2c: "5f1b2c0a02", chicago: "5f1b2c0a03", brussels: "5f1b2c0a04" };
const LISTS = Object.values(AUDIENCES);
const PARTNERS = 240;
const UNSUBSCRIBED = 10;
const EXISTING = 24;
const WORKERS = 3;
const SEED = Number(process.env.KILL_SUITE_SEED ?? 20261201);
/** At least this many of each kind; when none of the kinds still wanted can be hit, a mid-batch or polling kill makes up the 10. */
const KILLS_WANTED: Record<KillKind, number> = { planning: 1, writeback: 2, polling: 2, "mid-batch": 5 };
const KILLS_AT_LEAST = 10;
type KillKind = "planning" | "mid-batch" | "polling" | "writeback";

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});

/** A small seeded PRNG (mulberry32): the kill moments are random but the same for a given seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything one run needs, fresh: database, Odoo and Mailchimp with the same business, policy and opt-outs. */
async function world() {
  const db = await useTestDatabase();
  const odoo = await startOdooEmulator({ port: 0, generate: PARTNERS, seed: 7, latencyMs: 300 });
  const mc = await startMailchimp({ lists: DEMO_AUDIENCES_FIXTURE, latencyMs: 150, perRecordMs: 1, batchPhaseMs: 500 });
  closers.push(() => odoo.close(), () => mc.emulator.close());
  const odooClient = new OdooClient({ url: odoo.url, db: odoo.db, username: odoo.login, apiKey: odoo.apiKey, protocol: "jsonrpc" });
  const partners = await odooClient.searchPage<{ id: number; email: string }>("res.partner", { domain: [["email", "!=", false]], fields: ["id", "email"], limit: UNSUBSCRIBED + EXISTING, order: "id asc" });
  const emails = [...new Set(partners.map((p) => p.email.trim().toLowerCase()).filter((e) => /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(e)))];
  // People who opted out in Mailchimp already (the consent poll writes them back to Odoo), and members that exist
  // in every audience (whichever one the planner routes them to, they go through /batches).
  for (const email of emails.slice(0, UNSUBSCRIBED)) await mc.client.members.upsert(LISTS[0]!, { email_address: email, status_if_new: "unsubscribed" });
  for (const email of emails.slice(UNSUBSCRIBED)) for (const list of LISTS) await mc.client.members.upsert(list, { email_address: email, status_if_new: "subscribed" });
  // Bridgeline synced those before, with a payload that has changed since: they are updates, sent in /batches jobs.
  const partnerOf = new Map(partners.map((p) => [p.email.trim().toLowerCase(), p.id]));
  await db.prisma.syncRecord.createMany({
    data: emails.slice(UNSUBSCRIBED).flatMap((email) => LISTS.map((audienceId) => ({ audienceId, email, partnerIds: [partnerOf.get(email)!], payloadHash: "stale", lastStatus: "synced" as const, memberStatus: "subscribed" }))),
  });
  await savePolicy(db.prisma, { ...buildDemoPolicy(AUDIENCES), batching: { subscribeBatchSize: 4, upsertOpsPerBatch: 6, odooPageSize: 100, overlapSeconds: 300 } });
  const env = { databaseUrl: db.url, mailchimp: mc.config, odoo: { url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey } };
  // Three Mailchimp connections across all workers (the consent polls, served first, take their share): a run
  // long enough to be interrupted ten times.
  const args = ["--concurrency", "2", "--max-connections", "3", "--retry-delay-seconds", "1", "--consent-poll-seconds", "4", "--mailchimp-timeout-ms", "15000", "--no-alerts", ...FAST_LIVENESS_ARGS];
  const workers: Array<ReturnType<typeof spawnWorker>> = [];
  const spawn = () => {
    const w = spawnWorker(env, args);
    workers.push(w);
    return w;
  };
  closers.push(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  });
  const boss = await startBoss(db.url, {}, { supervise: false });
  closers.push(() => boss.stop({ graceful: false, wait: true }));
  const start = async () => (await requestRun(db.prisma, { mode: "full", trigger: "test" }, bossQueue(boss))).runId;
  const settled = async (runId: string) => {
    const run = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    if (!["succeeded", "failed", "cancelled"].includes(run.status)) return null;
    const open = await db.prisma.consentWriteback.count({ where: { status: "pending" } });
    const unprocessed = await db.prisma.mailchimpWebhookEvent.count({ where: { status: "received" } });
    const done = await db.prisma.consentWriteback.count({ where: { status: "done" } });
    return open === 0 && unprocessed === 0 && done >= UNSUBSCRIBED ? run : null;
  };
  const finalState = async (runId: string) => {
    const run = await db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    const blacklist = await odooClient.searchPage<{ id: number; email: string }>("mail.blacklist", { domain: [], fields: ["email"], limit: 1000 });
    return {
      run: { status: run.status, plannedNew: run.plannedNew, plannedUpdate: run.plannedUpdate, sent: run.sent, failed: run.failed, exceptions: run.exceptions },
      audiences: await Promise.all(LISTS.map(async (l) => normalise(await memberDump(mc.emulator.baseUrl, l)))),
      blacklist: blacklist.map((b) => b.email).sort(),
      records: await db.prisma.syncRecord.count({ where: { lastStatus: "synced" } }),
      /** The exceptions raised, by fingerprint (the run's counter is bookkeeping of its last planning attempt). */
      exceptions: (await db.prisma.syncException.findMany({ where: { status: "open" }, select: { fingerprint: true } })).map((e) => e.fingerprint).sort(),
    };
  };
  /** Where things stand, for a failure message. */
  const describeState = async (runId: string) =>
    JSON.stringify({
      run: await db.prisma.syncRun.findUnique({ where: { id: runId }, select: { status: true, error: true, plannedNew: true, plannedUpdate: true, sent: true, failed: true } }),
      batches: await db.prisma.syncBatch.groupBy({ by: ["status"], _count: true }),
      writebacks: await db.prisma.consentWriteback.groupBy({ by: ["status"], _count: true }),
      events: await db.prisma.mailchimpWebhookEvent.groupBy({ by: ["status"], _count: true }),
      logs: workers.map((p) => p.output().slice(-1500)),
    });
  return { db, spawn, workers, start, settled, finalState, describeState };
}

/** Worker ids holding something of each kind right now. */
async function targets(db: Awaited<ReturnType<typeof useTestDatabase>>): Promise<Record<KillKind, string[]>> {
  const rows = await db.prisma.$queryRaw<Array<{ kind: KillKind; worker_id: string }>>`
    SELECT 'planning' AS kind, c.worker_id::text FROM sync_job_claims c WHERE c.queue = 'sync.plan'
    UNION ALL
    SELECT CASE WHEN b.mailchimp_batch_id IS NULL THEN 'mid-batch' ELSE 'polling' END, c.worker_id::text
      FROM sync_job_claims c JOIN sync_batches b ON b.id = (c.data->>'batchId')::uuid WHERE c.queue = 'sync.batch' AND b.status = 'running'
    UNION ALL
    SELECT 'writeback', w.leased_by::text FROM consent_writebacks w WHERE w.status = 'pending' AND w.leased_by IS NOT NULL`;
  const out: Record<KillKind, string[]> = { planning: [], "mid-batch": [], polling: [], writeback: [] };
  for (const r of rows) if (!out[r.kind].includes(r.worker_id)) out[r.kind].push(r.worker_id);
  return out;
}

describe("kill suite", () => {
  let baseline: Awaited<ReturnType<Awaited<ReturnType<typeof world>>["finalState"]>>;
  /** How long the undisturbed run took here and now: the disturbed run's hang guard scales with it (a loaded machine). */
  let undisturbedMs = 0;

  it("an undisturbed run: the state to match", async () => {
    const w = await world();
    for (let i = 0; i < WORKERS; i++) w.spawn();
    const startedAt = Date.now();
    const runId = await w.start();
    await until("the undisturbed run and its write-backs", () => w.settled(runId), { boundMs: 150_000, everyMs: 250, explain: () => w.describeState(runId) });
    undisturbedMs = Date.now() - startedAt;
    baseline = await w.finalState(runId);
    expect(baseline.run.status).toBe("succeeded");
    expect(baseline.blacklist.length).toBeGreaterThanOrEqual(UNSUBSCRIBED);
    expect(baseline.run.plannedUpdate).toBeGreaterThan(0);
  }, 200_000);

  it("at least 10 SIGKILLs at random moments end in the same Mailchimp and Odoo state", async () => {
    expect(baseline, "the undisturbed run failed").toBeDefined();
    const w = await world();
    const random = prng(SEED);
    for (let i = 0; i < WORKERS; i++) w.spawn();
    const runId = await w.start();
    const kills: Array<{ kind: KillKind; workerId: string; at: number; claims: string[]; recoveredAfter?: number }> = [];
    const done = { planning: 0, "mid-batch": 0, polling: 0, writeback: 0 } as Record<KillKind, number>;
    let nextKillAt = Date.now() + 300 + random() * 800;
    // A hang guard, not a speed check: eleven kills, each silent for the dead-after time before its jobs move on,
    // on top of a run that took undisturbedMs on this machine just now.
    const deadline = Date.now() + Math.max(150_000, 4 * undisturbedMs);
    let final = null;
    while (!final && Date.now() < deadline) {
      // Recovery: every job the dead worker claimed handed on, and its write-back leases released.
      for (const k of kills.filter((k) => k.recoveredAfter === undefined)) {
        const handed = await w.db.prisma.syncJobHandoff.count({ where: { deadWorkerId: k.workerId } });
        const leased = await w.db.prisma.consentWriteback.count({ where: { leasedBy: k.workerId, status: "pending" } });
        const declared = await w.db.prisma.syncWorker.count({ where: { id: k.workerId, declaredDeadAt: { not: null } } });
        if (declared > 0 && handed >= k.claims.length && leased === 0) k.recoveredAfter = (Date.now() - k.at) / 1000;
      }
      const wanted = (Object.keys(KILLS_WANTED) as KillKind[]).filter((kind) => done[kind] < KILLS_WANTED[kind]);
      if (Date.now() >= nextKillAt && (wanted.length > 0 || kills.length < KILLS_AT_LEAST)) {
        const now = await targets(w.db);
        let open = wanted.filter((kind) => now[kind].length > 0);
        if (open.length === 0 && kills.length < KILLS_AT_LEAST) open = (["mid-batch", "polling"] as const).filter((kind) => now[kind].length > 0);
        if (open.length > 0) {
          const kind = open[Math.floor(random() * open.length)]!;
          const workerId = now[kind][Math.floor(random() * now[kind].length)]!;
          const row = await w.db.prisma.syncWorker.findUniqueOrThrow({ where: { id: workerId } });
          const victim = w.workers.find((p) => p.child.pid === row.pid && p.child.exitCode === null && p.child.signalCode === null);
          if (victim) {
            const exited = new Promise((r) => victim.child.once("exit", r));
            victim.child.kill("SIGKILL");
            const at = Date.now();
            await exited;
            // What it held when it died: a claim read before the kill may belong to a job it finished meanwhile.
            const claims = (await w.db.prisma.syncJobClaim.findMany({ where: { workerId } })).map((c) => c.jobId);
            kills.push({ kind, workerId, at, claims });
            done[kind] += 1;
            w.spawn();
            nextKillAt = Date.now() + 400 + random() * 1200;
          }
        }
      }
      final = await w.settled(runId);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Recoveries still under way when the run ended.
    await until("the last recoveries", async () => {
      for (const k of kills.filter((k) => k.recoveredAfter === undefined)) {
        const declared = await w.db.prisma.syncWorker.count({ where: { id: k.workerId, declaredDeadAt: { not: null } } });
        if (declared > 0) k.recoveredAfter = (Date.now() - k.at) / 1000;
      }
      return kills.every((k) => k.recoveredAfter !== undefined);
    }, { boundMs: 30_000, everyMs: 100 });

    const seconds = kills.map((k) => k.recoveredAfter!).sort((a, b) => a - b);
    console.log(
      `kill suite (seed ${SEED}): ${kills.length} SIGKILLs (${Object.entries(done).map(([k, n]) => `${k} ${n}`).join(", ")}); ` +
        `recovery seconds: ${kills.map((k) => `${k.kind} ${k.recoveredAfter?.toFixed(1)}`).join(", ")}; ` +
        `median ${seconds[Math.floor(seconds.length / 2)]?.toFixed(1)} s, max ${seconds.at(-1)?.toFixed(1)} s; ` +
        `${await w.db.prisma.syncJobHandoff.count()} jobs handed on`,
    );
    expect(final, `the run and its write-backs did not settle: ${await w.describeState(runId)}`).not.toBeNull();
    expect(kills.length).toBeGreaterThanOrEqual(KILLS_AT_LEAST);
    expect(done.writeback).toBeGreaterThanOrEqual(1);
    expect(done.polling).toBeGreaterThanOrEqual(1);
    expect(done["mid-batch"]).toBeGreaterThanOrEqual(1);
    // Every dead worker was declared dead by a live one; every job it claimed was handed on.
    for (const k of kills) {
      const handed = await w.db.prisma.syncJobHandoff.findMany({ where: { deadWorkerId: k.workerId } });
      expect(handed.map((h) => h.jobId).sort()).toEqual(expect.arrayContaining([...k.claims].sort()));
    }
    // The state that matters is the same: Mailchimp's audiences, Odoo's blacklist, what Bridgeline records as synced,
    // the open exceptions, how the run ended and what failed. The run's planned, exception and sent counters are
    // bookkeeping of attempts: a planning job killed and run again counts only what its own attempt planned (the
    // first attempt's dispatched batches and recorded exceptions stand), and a batch redone after a kill counts its
    // (idempotent) sends again, so the counters are only bounded.
    const { run, ...state } = await w.finalState(runId);
    const { run: baseRun, ...baseState } = baseline;
    expect(state).toEqual(baseState);
    expect({ status: run.status, failed: run.failed }).toEqual({ status: baseRun.status, failed: baseRun.failed });
    expect(run.sent).toBeGreaterThanOrEqual(baseRun.sent);
  }, 700_000);
});

import { afterAll, describe, expect, it } from "vitest";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { bossPassQueue, PASS_JOB } from "@/lib/reconcile/run/jobs";
import { requestPass } from "@/lib/reconcile/run/request-pass";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { startBoss } from "@/lib/sync/run/queue";
import { DEMO_AUDIENCES_FIXTURE } from "@/scripts/lib/emulators";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";
import { startMailchimp } from "@/tests/sync/run/helpers";
import { FAST_LIVENESS_ARGS, spawnWorker } from "@/tests/sync/run/spawn-worker";

/**
 * A read-back pass whose worker is killed (SIGKILL) is handed on by heartbeat like a sync job: a live worker sends
 * it again within seconds and it starts over and succeeds. Without the claim it sat "running" until the queue's
 * 30-minute expiry, and the console showed the previous pass all that time.
 */
const AUDIENCES = { sf_b2b: "5f1b2c0a01", sf_b2c: "5f1b2c0a02", chicago: "5f1b2c0a03", brussels: "5f1b2c0a04" };
const db = await useTestDatabase();
const odoo = await startOdooEmulator({ port: 0, generate: 300, seed: 11, latencyMs: 200 });
const mc = await startMailchimp({ lists: DEMO_AUDIENCES_FIXTURE, latencyMs: 100 });
const boss = await startBoss(db.url, { maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 }, { supervise: false });
const children: Array<ReturnType<typeof spawnWorker>> = [];
afterAll(async () => {
  for (const w of children) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: true });
  await odoo.close();
  await mc.emulator.close();
});

const explain = () => children.map((w) => w.output()).join("\n---\n").slice(-4000);

describe("a read-back pass whose worker dies", () => {
  it("is handed on by heartbeat to a live worker, where it starts over and succeeds", async () => {
    await savePolicy(db.prisma, buildDemoPolicy(AUDIENCES));
    const { passId } = await requestPass(db.prisma, { trigger: "test" }, await bossPassQueue(boss));
    const env = { databaseUrl: db.url, mailchimp: mc.config, odoo: { url: odoo.url, db: odoo.db, login: odoo.login, apiKey: odoo.apiKey } };
    const spawn = () => {
      const w = spawnWorker(env, ["--no-consent", "--no-alerts", "--retry-delay-seconds", "1", ...FAST_LIVENESS_ARGS]);
      children.push(w);
      return w;
    };
    const doomed = spawn();
    const claim = await until("the pass to be claimed", () => db.prisma.syncJobClaim.findFirst({ where: { queue: PASS_JOB } }), { explain });
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    spawn();

    const pass = await until("the pass to finish", async () => {
      const p = await db.prisma.reconcilePass.findUniqueOrThrow({ where: { id: passId } });
      return p.finishedAt ? p : null;
    }, { explain });
    expect(pass.status, pass.error ?? "").toBe("succeeded");
    const handoffs = await db.prisma.syncJobHandoff.findMany({ where: { queue: PASS_JOB } });
    expect(handoffs).toMatchObject([{ jobId: claim.jobId, deadWorkerId: claim.workerId, data: { passId } }]);
    // The live worker lets go of the pass once its job returns (just after the pass row says it finished).
    await until("the pass's claim to be released", async () => (await db.prisma.syncJobClaim.count({ where: { queue: PASS_JOB } })) === 0, { explain });
  }, 180_000);
});

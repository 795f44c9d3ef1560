import { createPrisma } from "@/lib/db/client";
import { bossPassQueue } from "@/lib/reconcile/run/jobs";
import { requestPass } from "@/lib/reconcile/run/request-pass";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { bossQueue, startBoss } from "@/lib/sync/run";
import type { BenchArgs } from "../args";
import { startBenchDatabase } from "../database";
import { startBenchEmulators } from "../emulators";
import { apiRequests, readMailchimpStats, resetMailchimpStats } from "../stats";
import { runSyncStep } from "../steps";
import { own } from "../tree";
import { spawnWorkers } from "../workers";

/** The demo's first audience (scripts/demo-data/mailchimp-audiences.json): every customer goes there. */
const AUDIENCE = "5f1b2c0a01";

export interface ReadBackMeasure {
  partners: number;
  members: number;
  /** GET /lists/{id}/members as counted by the Mailchimp emulator, and every request it saw during the pass. */
  memberRequests: number;
  mailchimpRequests: number;
  /** What the pass itself recorded (retries included). */
  passRequests: number;
  peakRssMb: number;
  passSeconds: number;
  gaps: Record<string, number>;
}

/**
 * A 100k-member audience read back by a production worker (`npm run worker`'s heap cap): the generated business
 * routed into one audience, loaded by a full sync, then a pass in a fresh worker whose peak RSS is the pass's.
 */
export async function measureReadBack(args: BenchArgs, log: (m: string) => void): Promise<ReadBackMeasure> {
  // A database of its own (an embedded server of its own without DATABASE_URL): the pages' one is still running.
  const db = await startBenchDatabase(process.env.DATABASE_URL, "-read-back");
  const emulators = await startBenchEmulators({ ...args, latencyMs: 5, perRecordMs: 0 });
  const prisma = createPrisma(db.url);
  own("prisma", () => prisma.$disconnect());
  await savePolicy(prisma, parsePolicy({ routing: { rules: [{ name: "Everyone", audienceId: AUDIENCE }] } }), { comment: "bench: one audience" });
  const boss = await startBoss(db.url, {}, { supervise: false });
  own("queue", () => boss.stop({ graceful: false, wait: true }));
  const env = { ...emulators.env, DATABASE_URL: db.url };
  const opts = { concurrency: args.concurrency, heapMb: args.workerHeapMb };

  let [worker] = await spawnWorkers(1, env, opts);
  await worker!.ready;
  log(`read-back: loading ${args.size} partners into one audience`);
  const { step: full } = await runSyncStep({ prisma, queue: bossQueue(boss), emulators }, "full load", "full");
  if (!full.status.startsWith("succeeded")) throw new Error(`the full load did not succeed: ${full.status}`);
  // The worker reads Mailchimp back after the full run by itself: let it finish before measuring a pass of our own.
  await waitForPasses(prisma);
  await worker!.stop();

  [worker] = await spawnWorkers(1, env, opts);
  await worker!.ready;
  await resetMailchimpStats(emulators);
  const t0 = performance.now();
  const { passId } = await requestPass(prisma, { trigger: "bench" }, await bossPassQueue(boss));
  const pass = await waitForPasses(prisma, passId);
  const passSeconds = (performance.now() - t0) / 1000;
  const report = await worker!.stop();
  const requests = apiRequests(await readMailchimpStats(emulators));
  const stats = await prisma.reconcileAudience.findUniqueOrThrow({ where: { passId_audienceId: { passId, audienceId: AUDIENCE } } });
  return {
    partners: args.size, members: stats.members, passRequests: pass.requests, peakRssMb: report.peakRssMb, passSeconds,
    memberRequests: Object.entries(requests).filter(([route]) => route.startsWith("GET /lists/{list_id}/members")).reduce((n, [, c]) => n + c, 0),
    mailchimpRequests: Object.values(requests).reduce((a, b) => a + b, 0),
    gaps: stats.gaps as Record<string, number>,
  };
}

async function waitForPasses(prisma: ReturnType<typeof createPrisma>, passId?: string) {
  for (;;) {
    const pending = await prisma.reconcilePass.findFirst({ where: { ...(passId ? { id: passId } : {}), status: { in: ["queued", "running"] } } });
    const done = passId ? await prisma.reconcilePass.findUniqueOrThrow({ where: { id: passId } }) : null;
    if (done && done.status === "failed") throw new Error(`the read-back failed: ${done.error}`);
    if (!pending && (!passId || done?.status === "succeeded")) return done ?? (await prisma.reconcilePass.findFirstOrThrow({ orderBy: { createdAt: "desc" } }));
    await new Promise((r) => setTimeout(r, 250));
  }
}

import { createPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";
import { bossQueue, startBoss } from "@/lib/sync/run";
import { DEFAULT_MEMBERS_PER_REQUEST, assembleResults } from "./assemble";
import type { BenchArgs } from "./args";
import { runBaseline } from "./baseline";
import { startBenchDatabase } from "./database";
import { controlJson, startBenchEmulators } from "./emulators";
import type { BenchResults } from "./report";
import { runSyncStep, type StepMeasure } from "./steps";
import { own } from "./tree";
import { spawnWorkers } from "./workers";

/** The four audiences of scripts/demo-data/mailchimp-audiences.json, which the Mailchimp emulator is seeded with. */
const AUDIENCES = { sf_b2b: "5f1b2c0a01", sf_b2c: "5f1b2c0a02", chicago: "5f1b2c0a03", brussels: "5f1b2c0a04" };

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

export async function runBench(args: BenchArgs, command: string): Promise<BenchResults> {
  const started = performance.now();
  const db = await startBenchDatabase(getEnv().DATABASE_URL);
  log(`database ready (${db.kind}); starting emulators with ${args.size} partners`);
  const emulators = await startBenchEmulators(args);
  const prisma = createPrisma(db.url);
  own("prisma", () => prisma.$disconnect());
  await savePolicy(prisma, buildDemoPolicy(AUDIENCES), { comment: "bench" });
  const boss = await startBoss(db.url, {}, { supervise: false });
  own("queue", () => boss.stop({ graceful: false, wait: true }));
  const workers = spawnWorkers(args.workers, { ...emulators.env, DATABASE_URL: db.url }, { concurrency: args.concurrency, heapMb: args.workerHeapMb });
  await Promise.all(workers.map((w) => w.ready));
  log(`${args.workers} worker(s) ready: ${workers.map((w) => w.pid).join(", ")}`);

  const ctx = { prisma, queue: bossQueue(boss), emulators };
  const steps: StepMeasure[] = [];
  const step = async (name: string, mode: "full" | "incremental") => {
    log(`step: ${name}`);
    const s = await runSyncStep(ctx, name, mode);
    log(`  ${s.status}: ${s.records} records, ${s.mailchimpRequestsTotal} Mailchimp requests, ${s.wallSeconds.toFixed(1)} s`);
    if (!s.status.startsWith("succeeded")) throw new Error(`${name} did not succeed: ${s.status}`);
    steps.push(s);
    return s;
  };
  const full = await step("full load", "full");
  await step("incremental, nothing changed", "incremental");
  const touched = await controlJson<Record<string, unknown>>(emulators.odoo.url, "/_emulator/touch", { model: "res.partner", fraction: 0.01 });
  log(`touched 1% of partners: ${JSON.stringify(touched).slice(0, 200)}`);
  await step("incremental, 1% changed", "incremental");
  // Peak RSS is read as each worker exits: the sync steps are what the workers are measured on.
  const reports = await Promise.all(workers.map((w) => w.stop()));

  log(`step: per-record baseline (sample of at most ${args.baselineSample})`);
  const baseline = await runBaseline(prisma, emulators, full.runId as string, args.baselineSample);
  log(`  ${baseline.sampled} sent, ${baseline.wallSeconds.toFixed(1)} s for ${baseline.records} records${baseline.scaled ? " (scaled)" : ""}`);
  return assembleResults({
    args, command, database: db.kind, steps, baseline, reports, fullRunId: full.runId as string, touched,
    benchSeconds: (performance.now() - started) / 1000, membersPerRequest: DEFAULT_MEMBERS_PER_REQUEST,
  });
}

import os from "node:os";
import { createPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { buildDemoPolicy, parsePolicy, savePolicy } from "@/lib/sync/policy";
import { bossQueue, startBoss } from "@/lib/sync/run";
import { DEFAULT_MEMBERS_PER_REQUEST, assembleResults } from "./assemble";
import { benchOrders, type BenchArgs } from "./args";
import { runBaseline } from "./baseline";
import { startBenchDatabase } from "./database";
import { controlJson, mailchimpOrigin, startBenchEmulators } from "./emulators";
import type { BenchResults } from "./report";
import { runSyncStep, type CommerceMeasure, type StepMeasure } from "./steps";
import { own } from "./tree";
import { spawnWorkers } from "./workers";

/** The four audiences of scripts/demo-data/mailchimp-audiences.json, which the Mailchimp emulator is seeded with. */
const AUDIENCES = { sf_b2b: "5f1b2c0a01", sf_b2c: "5f1b2c0a02", chicago: "5f1b2c0a03", brussels: "5f1b2c0a04" };

/** How long workers idle before their resident set is read as the cost at rest. */
const REST_SETTLE_MS = 2000;

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);

export async function runBench(args: BenchArgs, command: string): Promise<BenchResults> {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();
  const db = await startBenchDatabase(getEnv().DATABASE_URL);
  const orders = benchOrders(args);
  log(`database ready (${db.kind}); starting emulators with ${args.size} partners, ${orders ?? "three per partner"} orders${args.commerce ? "" : ", e-commerce off"}`);
  const emulators = await startBenchEmulators(args, orders);
  const prisma = createPrisma(db.url);
  own("prisma", () => prisma.$disconnect());
  // The demo's routing; with e-commerce the full load also writes stores, products, customers and orders.
  const demo = buildDemoPolicy(AUDIENCES);
  await savePolicy(prisma, args.commerce ? parsePolicy({ ...demo, commerce: { ...demo.commerce, enabled: true } }) : demo, { comment: "bench" });
  const boss = await startBoss(db.url, {}, { supervise: false });
  own("queue", () => boss.stop({ graceful: false, wait: true }));
  const workers = await spawnWorkers(args.workers, { ...emulators.env, DATABASE_URL: db.url }, { concurrency: args.concurrency, heapMb: args.workerHeapMb, runtime: args.workerRuntime });
  await Promise.all(workers.map((w) => w.ready));
  // A worker at rest: started, its queues polled and its consent loop idle for a few seconds, no run yet.
  await new Promise((resolve) => setTimeout(resolve, REST_SETTLE_MS));
  for (const w of workers) w.noteRest();
  log(`${args.workers} worker(s) ready: ${workers.map((w) => `${w.pid} (${w.report().restRssMb} MB at rest)`).join(", ")}`);

  const ctx = { prisma, queue: bossQueue(boss), emulators };
  const steps: StepMeasure[] = [];
  const commerceSteps: CommerceMeasure[] = [];
  const step = async (name: string, mode: "full" | "incremental") => {
    log(`step: ${name}`);
    const { step: s, commerce } = await runSyncStep(ctx, name, mode);
    log(`  ${s.status}: ${s.records} records, ${s.mailchimpRequestsTotal} Mailchimp requests, ${s.wallSeconds.toFixed(1)} s`);
    if (commerce) log(`  e-commerce step: ${JSON.stringify(commerce.summary)}, ${commerce.mailchimpRequestsTotal} Mailchimp requests, ${commerce.batchOperations} /batches operations, ${commerce.wallSeconds.toFixed(1)} s`);
    if (!s.status.startsWith("succeeded")) throw new Error(`${name} did not succeed: ${s.status}`);
    steps.push(s);
    if (commerce) commerceSteps.push(commerce);
    return s;
  };
  const full = await step("full load", "full");
  if (args.commerce && commerceSteps.length === 0) throw new Error("the full load ran no e-commerce step although the policy enables it");
  await step("incremental, nothing changed", "incremental");
  const touched = await controlJson<Record<string, unknown>>(emulators.odoo.url, "/_emulator/touch", { model: "res.partner", fraction: 0.01 });
  log(`touched 1% of partners: ${JSON.stringify(touched).slice(0, 200)}`);
  await step("incremental, 1% changed", "incremental");
  // Read before the baseline resets the emulator: what Mailchimp would have emailed or triggered over the three runs.
  const notifications = (await controlJson<{ notifications: unknown[] }>(mailchimpOrigin(emulators), "/_emulator/ecommerce/notifications")).notifications;
  // Peak RSS is read as each worker exits: the sync steps are what the workers are measured on.
  const reports = await Promise.all(workers.map((w) => w.stop()));

  log(`step: per-record baseline (sample of at most ${args.baselineSample})`);
  const baseline = await runBaseline(prisma, emulators, full.runId as string, args.baselineSample);
  log(`  ${baseline.sampled} sent, ${baseline.wallSeconds.toFixed(1)} s for ${baseline.records} records${baseline.scaled ? " (scaled)" : ""}`);
  return assembleResults({
    args, command, database: db.kind, steps, baseline, reports, fullRunId: full.runId as string, touched, orders, commerceSteps, notifications, loadAverageAtStart,
    benchSeconds: (performance.now() - started) / 1000, membersPerRequest: DEFAULT_MEMBERS_PER_REQUEST,
  });
}

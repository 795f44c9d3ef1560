/**
 * Planner benchmark: `npx tsx tests/sync/plan/bench-plan.ts ODOO_URL [--runs 2]` against an emulator in another
 * process (`npx tsx emulators/odoo/main.ts --port 8070 --generate 100000`), so the RSS measured here is the
 * planner's alone. Uses DATABASE_URL, or an ephemeral embedded Postgres. Prints timings and peak RSS.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import v8 from "node:v8";
import { createPrisma } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { OdooClient } from "@/lib/odoo";
import { planRun } from "@/lib/sync/plan/plan-run";
import { buildDemoPolicy } from "@/lib/sync/policy";

const url = process.argv[2] ?? "http://127.0.0.1:8070";
const arg = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const runs = arg("--runs") ?? 1;
const pageSize = arg("--page");
// --snapshot DIR: a heap snapshot after each phase (after a gc when run with --expose-gc), to see what is retained.
const snapshotDir = process.argv.includes("--snapshot") ? process.argv[process.argv.indexOf("--snapshot") + 1] : undefined;
const env = getEnv();
const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `plan-bench-${process.pid}`), ephemeral: true });
const dbUrl = env.DATABASE_URL ?? embedded!.url;
await migrate(dbUrl);
const prisma = createPrisma(dbUrl);
let peak = 0;
const peaks = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  for (const k of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[k] = Math.max(peaks[k], Math.round(m[k] / 1e6));
}, 50);
// --alloc-profile FILE: sampled allocations of the whole run, garbage included (where the churn comes from);
// open the .heapprofile in Chrome DevTools or sum it by function.
const allocProfile = process.argv.includes("--alloc-profile") ? process.argv[process.argv.indexOf("--alloc-profile") + 1] : undefined;
const inspector = allocProfile ? new Session() : undefined;
const mb = (n: number) => Math.round(n / 1e6);
// What the process costs before planning anything (node, tsx, Prisma, pg pool): the floor under peak RSS.
console.log("baseline rss", mb(process.memoryUsage().rss), "MB");
try {
  const odoo = new OdooClient({ url, db: "bridgeline", username: "admin", apiKey: "odoo-demo-key", protocol: "jsonrpc" });
  const demo = buildDemoPolicy({ sf_b2b: "sf-b2b", sf_b2c: "sf-b2c", chicago: "chicago", brussels: "brussels" });
  const policy = pageSize ? { ...demo, batching: { ...demo.batching, odooPageSize: pageSize } } : demo;
  if (inspector) {
    inspector.connect();
    await inspector.post("HeapProfiler.startSampling", { samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  for (let i = 0; i < runs; i++) {
    const run = await prisma.syncRun.create({ data: { id: randomUUID(), mode: "full", trigger: "bench" } });
    console.log("run row created, rss", mb(process.memoryUsage().rss), "MB");
    const t = Date.now();
    const out = await planRun({ prisma, odoo, policy, policyVersion: 1, run: { id: run.id, mode: "full", dryRun: false }, cursorFrom: null,
      onProgress: (phase, info) => { const g = (globalThis as { gc?: () => void }).gc; g?.(); const m = process.memoryUsage();
        console.log(phase, info.ms, "ms", JSON.stringify(peaks), "peak rss", mb(peak), "rss", mb(m.rss), "heap after gc", mb(m.heapUsed));
        if (snapshotDir) v8.writeHeapSnapshot(path.join(snapshotDir, `plan-${i + 1}-${phase}.heapsnapshot`)); } });
    const planner = (out.summary as { planner: Record<string, unknown> }).planner;
    console.log(JSON.stringify({ run: i + 1, ms: Date.now() - t, peakRssMb: Math.round(peak / 1e6), peaks, batches: out.batches, new: out.plannedNew,
      update: out.plannedUpdate, unchanged: out.unchanged, excluded: out.excluded, exceptions: out.exceptions, timings: planner.timings, read: planner.read }));
  }
  if (inspector && allocProfile) writeFileSync(allocProfile, JSON.stringify((await inspector.post("HeapProfiler.stopSampling")).profile));
} finally {
  clearInterval(sampler);
  await prisma.$disconnect();
  await embedded?.stop();
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestRun, type RunQueue } from "@/lib/sync/run";
import type { RunningEmulators } from "@/scripts/lib/emulators";
import {
  apiRequests, batchOperations, batchRoutes, ecommerceWrites, maxConnections, memberWrites, readMailchimpStats, readOdooRequests,
  resetMailchimpStats, statsSince, total, type MailchimpStats,
} from "./stats";

export interface StepMeasure {
  name: string;
  runId?: string;
  status: string;
  /** Members the engine sent (planned new + planned update). */
  records: number;
  mailchimpRequests: Record<string, number>;
  mailchimpRequestsTotal: number;
  memberWrites: number;
  /** Store, product, customer and order writes (direct or inside /batches); 0 when the run had no e-commerce step. */
  ecommerceWrites?: number;
  batchOperations: number;
  batchSubmissions: number;
  mailchimpErrors: Record<string, number>;
  maxConnections: number;
  odooRequests: number;
  wallSeconds: number;
  recordsPerSecond: number;
  run?: { plannedNew: number; plannedUpdate: number; unchanged: number; excluded: number; exceptions: number; sent: number; failed: number; planMs?: number; planTimings?: Record<string, number> };
}

/** The e-commerce step of a run (its 'commerce' batch, after the last member batch), measured on its own. */
export interface CommerceMeasure {
  name: string;
  status: string;
  /** From the step's batch being queued (the members are all done then) to the run's end. */
  wallSeconds: number;
  mailchimpRequests: Record<string, number>;
  mailchimpRequestsTotal: number;
  /** GET requests among them: /batches status checks (and any read of the worker's consent poll meanwhile). */
  statusChecks: number;
  /** The operations its /batches ran, by route. */
  batchOperationsByRoute: Record<string, number>;
  batchOperations: number;
  batchSubmissions: number;
  ecommerceWrites: number;
  mailchimpErrors: Record<string, number>;
  odooRequests: number;
  /** The engine's own counts (sync_runs.summary.commerce): stores, products, customers, orders, skips. */
  summary: Record<string, unknown>;
}

export interface StepContext {
  prisma: PrismaClient;
  queue: RunQueue;
  emulators: RunningEmulators;
}

const TERMINAL = new Set(["succeeded", "failed", "cancelled"]);

/**
 * One sync run through the workers: stats zeroed first, wall time from request to the run's end. When the run has
 * an e-commerce step, the counters are read the moment its batch is queued (every member batch is done by then,
 * and the step reads Odoo for seconds before its first Mailchimp request), so the members' part and the step's
 * are measured apart.
 */
export async function runSyncStep(ctx: StepContext, name: string, mode: "full" | "incremental"): Promise<{ step: StepMeasure; commerce?: CommerceMeasure }> {
  await resetMailchimpStats(ctx.emulators);
  const odooBefore = await readOdooRequests(ctx.emulators);
  const t0 = performance.now();
  const requestedAt = Date.now();
  const { runId } = await requestRun(ctx.prisma, { mode, trigger: "bench" }, ctx.queue);
  let atStep: { stats: MailchimpStats; odoo: number; queuedAt: Date; seenAt: number } | undefined;
  let run;
  for (;;) {
    run = await ctx.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    if (TERMINAL.has(run.status)) break;
    if (!atStep) {
      const batch = await ctx.prisma.syncBatch.findFirst({ where: { runId, kind: "commerce" }, select: { createdAt: true } });
      if (batch) atStep = { stats: await readMailchimpStats(ctx.emulators), odoo: await readOdooRequests(ctx.emulators), queuedAt: batch.createdAt, seenAt: performance.now() };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const endedAt = performance.now();
  const stats = await readMailchimpStats(ctx.emulators);
  const odooAfter = await readOdooRequests(ctx.emulators);
  if (mode === "full") await waitForReadBack(ctx.prisma, runId);
  const status = run.status + (run.error ? `: ${run.error}` : "");
  const memberStats = atStep?.stats ?? stats;
  // The members' part ends when the step's batch was queued (the database's clock, as close as this process's).
  const memberSeconds = atStep ? Math.max(0, atStep.queuedAt.getTime() - requestedAt) / 1000 : (endedAt - t0) / 1000;
  const requests = apiRequests(memberStats);
  const records = run.plannedNew + run.plannedUpdate;
  const ops = batchOperations(memberStats);
  const planTimings = plannerTimings(run.summary);
  const planMs = planTimings?.totalMs;
  const step: StepMeasure = {
    name, runId, status, records,
    mailchimpRequests: requests, mailchimpRequestsTotal: total(requests), memberWrites: memberWrites(memberStats), ecommerceWrites: ecommerceWrites(stats),
    batchOperations: ops.operations, batchSubmissions: ops.submissions, mailchimpErrors: memberStats.errors,
    maxConnections: maxConnections(stats), odooRequests: (atStep?.odoo ?? odooAfter) - odooBefore, wallSeconds: memberSeconds, recordsPerSecond: records / memberSeconds,
    run: {
      plannedNew: run.plannedNew, plannedUpdate: run.plannedUpdate, unchanged: run.unchanged, excluded: run.excluded,
      exceptions: run.exceptions, sent: run.sent, failed: run.failed, ...(planMs === undefined ? {} : { planMs, planTimings }),
    },
  };
  if (!atStep) return { step };
  const since = statsSince(stats, atStep.stats);
  const cRequests = apiRequests(since);
  const cOps = batchOperations(since);
  const commerce: CommerceMeasure = {
    name: `${name}: e-commerce step`, status,
    wallSeconds: (endedAt - t0) / 1000 - memberSeconds,
    mailchimpRequests: cRequests, mailchimpRequestsTotal: total(cRequests),
    statusChecks: total(Object.fromEntries(Object.entries(cRequests).filter(([k]) => k.startsWith("GET ")))),
    batchOperationsByRoute: batchRoutes(since), batchOperations: cOps.operations, batchSubmissions: cOps.submissions,
    ecommerceWrites: ecommerceWrites(since), mailchimpErrors: since.errors, odooRequests: odooAfter - atStep.odoo,
    summary: commerceSummary(run.summary),
  };
  return { step, commerce };
}

/**
 * A worker reads Mailchimp back after every successful full run (lib/reconcile/run/after-run.ts): members page by
 * page, stores and their orders. That pass is not the run's, so the next step starts once it is over: its GETs
 * would otherwise be counted as the next run's requests.
 */
async function waitForReadBack(prisma: PrismaClient, runId: string, appearMs = 10_000): Promise<void> {
  const deadline = Date.now() + appearMs;
  for (;;) {
    const pass = await prisma.reconcilePass.findFirst({ where: { afterRunId: runId }, select: { status: true } });
    if (pass ? !["queued", "running"].includes(pass.status) : Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The planner's own phase timings, so the report can show how much of the wall time was planning. */
function plannerTimings(summary: unknown): Record<string, number> | undefined {
  const plan = (summary as { plan?: { planner?: { timings?: Record<string, unknown> } } } | null)?.plan;
  const timings = plan?.planner?.timings;
  if (!timings || typeof timings.totalMs !== "number") return undefined;
  return Object.fromEntries(Object.entries(timings).filter((e): e is [string, number] => typeof e[1] === "number"));
}

function commerceSummary(summary: unknown): Record<string, unknown> {
  const c = (summary as { commerce?: unknown } | null)?.commerce;
  return c && typeof c === "object" ? (c as Record<string, unknown>) : {};
}

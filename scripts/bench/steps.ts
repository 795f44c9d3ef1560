import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestRun, waitForRun, type RunQueue } from "@/lib/sync/run";
import type { RunningEmulators } from "@/scripts/lib/emulators";
import { apiRequests, batchOperations, maxConnections, memberWrites, readMailchimpStats, readOdooRequests, resetMailchimpStats, total } from "./stats";

export interface StepMeasure {
  name: string;
  runId?: string;
  status: string;
  /** Members the engine sent (planned new + planned update). */
  records: number;
  mailchimpRequests: Record<string, number>;
  mailchimpRequestsTotal: number;
  memberWrites: number;
  batchOperations: number;
  batchSubmissions: number;
  mailchimpErrors: Record<string, number>;
  maxConnections: number;
  odooRequests: number;
  wallSeconds: number;
  recordsPerSecond: number;
  run?: { plannedNew: number; plannedUpdate: number; unchanged: number; excluded: number; exceptions: number; sent: number; failed: number; planMs?: number; planTimings?: Record<string, number> };
}

export interface StepContext {
  prisma: PrismaClient;
  queue: RunQueue;
  emulators: RunningEmulators;
}

/** One sync run through the workers: stats zeroed first, wall time from request to the run's end. */
export async function runSyncStep(ctx: StepContext, name: string, mode: "full" | "incremental"): Promise<StepMeasure> {
  await resetMailchimpStats(ctx.emulators);
  const odooBefore = await readOdooRequests(ctx.emulators);
  const t0 = performance.now();
  const { runId } = await requestRun(ctx.prisma, { mode, trigger: "bench" }, ctx.queue);
  const run = await waitForRun(ctx.prisma, runId, { intervalMs: 100 });
  const wallSeconds = (performance.now() - t0) / 1000;
  const stats = await readMailchimpStats(ctx.emulators);
  const odooRequests = (await readOdooRequests(ctx.emulators)) - odooBefore;
  const requests = apiRequests(stats);
  const records = run.plannedNew + run.plannedUpdate;
  const ops = batchOperations(stats);
  const planTimings = plannerTimings(run.summary);
  const planMs = planTimings?.totalMs;
  return {
    name, runId, status: run.status + (run.error ? `: ${run.error}` : ""), records,
    mailchimpRequests: requests, mailchimpRequestsTotal: total(requests), memberWrites: memberWrites(stats),
    batchOperations: ops.operations, batchSubmissions: ops.submissions, mailchimpErrors: stats.errors,
    maxConnections: maxConnections(stats), odooRequests, wallSeconds, recordsPerSecond: records / wallSeconds,
    run: {
      plannedNew: run.plannedNew, plannedUpdate: run.plannedUpdate, unchanged: run.unchanged, excluded: run.excluded,
      exceptions: run.exceptions, sent: run.sent, failed: run.failed, ...(planMs === undefined ? {} : { planMs, planTimings }),
    },
  };
}

/** The planner's own phase timings, so the report can show how much of the wall time was planning. */
function plannerTimings(summary: unknown): Record<string, number> | undefined {
  const plan = (summary as { plan?: { planner?: { timings?: Record<string, unknown> } } } | null)?.plan;
  const timings = plan?.planner?.timings;
  if (!timings || typeof timings.totalMs !== "number") return undefined;
  return Object.fromEntries(Object.entries(timings).filter((e): e is [string, number] => typeof e[1] === "number"));
}

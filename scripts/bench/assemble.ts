import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchArgs } from "./args";
import { commerceFloor, perRecordSeconds, stepFloor, type CommerceFloor, type CostModel } from "./floor";
import { machine } from "./machine";
import type { BenchResults, StepResult } from "./report";
import type { CommerceMeasure, StepMeasure } from "./steps";
import { checkTargets, missed } from "./targets";
import type { WorkerReport } from "./workers";

/** Mailchimp's cap for POST /lists/{id}; the emulator's default /batches phase time. */
export const DEFAULT_MEMBERS_PER_REQUEST = 500;
const BATCH_PHASE_MS = 20;

export interface AssembleInput {
  args: BenchArgs;
  command: string;
  database: string;
  steps: StepMeasure[];
  baseline: StepMeasure & { sampled: number; scaled: boolean };
  reports: WorkerReport[];
  fullRunId: string;
  touched: Record<string, unknown>;
  benchSeconds: number;
  membersPerRequest: number;
  /** Sale orders generated (undefined: three per partner). */
  orders?: number;
  /** The e-commerce steps of the runs, the full load's first. */
  commerceSteps: CommerceMeasure[];
  /** The emulator's notification log after the three runs. */
  notifications: unknown[];
  /** os.loadavg() when the bench started: other processes share the CPU. */
  loadAverageAtStart: number[];
}

/** Floors, ratios and targets from the raw measures. */
export function assembleResults(i: AssembleInput): BenchResults {
  const model: CostModel = { latencyMs: i.args.latencyMs, perRecordMs: i.args.perRecordMs, connections: 10, membersPerRequest: i.membersPerRequest, batchPhaseMs: BATCH_PHASE_MS };
  const withFloor = (s: StepMeasure): StepResult => {
    const floor = stepFloor(s.records, s.batchOperations, s.batchSubmissions, model);
    return {
      ...s, floor,
      requestsToFloor: floor.requests > 0 ? s.mailchimpRequestsTotal / floor.requests : null,
      wallToFloor: floor.seconds > 0 ? s.wallSeconds / floor.seconds : null,
      speedupVsBaseline: s.records > 0 ? i.baseline.wallSeconds * (s.records / i.baseline.records) / s.wallSeconds : null,
    };
  };
  const steps = i.steps.map(withFloor);
  const baselineStep = { ...withFloor(i.baseline), speedupVsBaseline: 1 };
  const [full, unchanged, onePercent] = steps as [StepResult, StepResult, StepResult];
  const fullFloorSeconds = full.floor.seconds;
  const floorSpeedup = fullFloorSeconds > 0 ? perRecordSeconds(full.records, model) / fullFloorSeconds : 0;
  const workers = i.reports.map((r) => ({ ...r, fullRunBatches: r.batchesByRun[i.fullRunId] ?? 0 }));
  const maxConnections = Math.max(...steps.map((s) => s.maxConnections), baselineStep.maxConnections);
  const commerce = assembleCommerce(i, model, full);
  const targets = checkTargets({
    size: i.args.size, workers: i.args.workers,
    full: { requests: full.mailchimpRequestsTotal, floorRequests: full.floor.requests, wallSeconds: full.wallSeconds, floorSeconds: fullFloorSeconds },
    baseline: { wallSeconds: i.baseline.wallSeconds }, floorSpeedup,
    unchangedMemberWrites: unchanged.memberWrites, onePercentRequests: onePercent.mailchimpRequestsTotal, onePercentStatusChecks: Object.entries(onePercent.mailchimpRequests).filter(([k]) => k.startsWith("GET ")).reduce((n, [, v]) => n + v, 0),
    peakRssMb: workers.map((w) => w.peakRssMb), ...rss100k(i.args.outDir), batchesPerWorker: workers.map((w) => w.fullRunBatches), maxConnections,
    ...(commerce ? { commerce: {
      requests: commerce.step.mailchimpRequestsTotal, statusChecks: commerce.step.statusChecks, floorRequests: commerce.floor.requests,
      wallSeconds: commerce.step.wallSeconds, floorSeconds: commerce.floor.seconds, notifications: commerce.notifications, unchangedWrites: commerce.unchangedWrites,
    } } : {}),
  });
  return {
    date: new Date().toISOString(), command: i.command,
    settings: { ...i.args, connections: 10, membersPerRequest: i.membersPerRequest, batchPhaseMs: BATCH_PHASE_MS, database: i.database },
    machine: { ...machine(), loadAverage: { atStart: i.loadAverageAtStart.map(round2), atEnd: os.loadavg().map(round2) } },
    steps: [...steps, baselineStep], ...(commerce ? { commerce } : {}),
    baseline: {
      sampled: i.baseline.sampled, records: i.baseline.records, scaled: i.baseline.scaled,
      note: i.baseline.scaled
        ? `${i.baseline.sampled} of ${i.baseline.records} records sent one PUT each, ten at a time; time and requests scaled linearly`
        : `all ${i.baseline.records} records sent one PUT each, ten at a time`,
    },
    floorSpeedupVsPerRecord: floorSpeedup, workers, maxConnections,
    notes: [
      i.args.commerce
        ? `e-commerce on: the full load's member part ends when its e-commerce step is queued (after the last member batch); the step is measured apart. The business has ${i.orders ?? 3 * i.args.size} sale orders${i.orders !== undefined && i.orders < 3 * i.args.size ? ` (--orders; three per partner would be ${3 * i.args.size})` : ""}`
        : `e-commerce off (--no-commerce): members only, the business has ${i.orders ?? 3 * i.args.size} sale orders`,
      "the 1% step changes partners only (phone + write_date via /_emulator/touch), no order",
      `Mailchimp emulator: ${i.args.latencyMs} ms per request + ${i.args.perRecordMs} ms per member/operation, 10 simultaneous connections; /batches operations run one at a time at ${i.args.latencyMs + i.args.perRecordMs} ms each`,
      `touch: ${JSON.stringify(i.touched).slice(0, 120)}`,
    ],
    targets, pass: missed(targets).length === 0, benchSeconds: i.benchSeconds,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface CommerceResults {
  /** Sale orders in the business, and how many three per partner would be (what the projection scales to). */
  ordersGenerated: number;
  ordersFullBusiness: number;
  step: CommerceMeasure;
  floor: CommerceFloor;
  requestsToFloor: number | null;
  /** Against the faster path (single requests over 10 connections), and against the bulk path the engine takes. */
  wallToFloor: number | null;
  wallToBulkFloor: number | null;
  notifications: number;
  unchangedWrites: number;
  /** The same step for three orders per partner, scaled linearly from this one (it is bound by per-operation cost). */
  projection?: { orders: number; engineOperations: number; wallSeconds: number; floor: CommerceFloor; note: string };
}

function assembleCommerce(i: AssembleInput, model: CostModel, full: StepResult): CommerceResults | undefined {
  const step = i.commerceSteps[0];
  if (!step) return undefined;
  const n = (k: string) => (typeof step.summary[k] === "number" ? (step.summary[k] as number) : 0);
  const work = { stores: n("storesCreated"), products: n("productsWritten"), orders: n("ordersCreated") + n("ordersUpdated") };
  const floor = commerceFloor(work, model);
  const ordersGenerated = i.orders ?? 3 * i.args.size;
  const ordersFullBusiness = 3 * i.args.size;
  const [, unchanged] = i.steps;
  const result: CommerceResults = {
    ordersGenerated, ordersFullBusiness, step, floor,
    requestsToFloor: floor.requests > 0 ? step.mailchimpRequestsTotal / floor.requests : null,
    wallToFloor: floor.seconds > 0 ? step.wallSeconds / floor.seconds : null,
    wallToBulkFloor: floor.bulk.seconds > 0 ? step.wallSeconds / floor.bulk.seconds : null,
    notifications: i.notifications.length, unchangedWrites: unchanged?.ecommerceWrites ?? 0,
  };
  if (ordersGenerated < ordersFullBusiness && ordersGenerated > 0) {
    const scale = ordersFullBusiness / ordersGenerated;
    // Customers grow with the orders until every member has bought: never more than the members the load wrote.
    const customers = Math.min(Math.round(n("customersWritten") * scale), full.records);
    const orders = Math.round(work.orders * scale);
    const engineOperations = work.products + orders;
    const measuredOps = Math.max(1, step.ecommerceWrites || step.batchOperations);
    result.projection = {
      orders, engineOperations, wallSeconds: (step.wallSeconds * engineOperations) / measuredOps,
      floor: commerceFloor({ ...work, orders }, model),
      note: `linear in the e-commerce writes (${step.ecommerceWrites || step.batchOperations} took ${step.wallSeconds.toFixed(0)} s); products and stores as measured; customers ride in their orders (${customers} at full size)`,
    };
  }
  return result;
}

/** Peak worker RSS of the newest committed 100k results, for the 1M memory target. */
function rss100k(outDir: string): { rss100kMb?: number } {
  let files: string[];
  try {
    files = readdirSync(outDir).filter((f) => /-100000\.json$/.test(f)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw err;
  }
  const last = files.at(-1);
  if (!last) return {};
  const r = JSON.parse(readFileSync(path.join(outDir, last), "utf8")) as { workers: Array<{ peakRssMb: number }> };
  return { rss100kMb: Math.max(...r.workers.map((w) => w.peakRssMb)) };
}

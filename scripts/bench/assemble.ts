import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BenchArgs } from "./args";
import { perRecordSeconds, stepFloor, type CostModel } from "./floor";
import { machine } from "./machine";
import type { BenchResults, StepResult } from "./report";
import type { StepMeasure } from "./steps";
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
  const targets = checkTargets({
    size: i.args.size, workers: i.args.workers,
    full: { requests: full.mailchimpRequestsTotal, floorRequests: full.floor.requests, wallSeconds: full.wallSeconds, floorSeconds: fullFloorSeconds },
    baseline: { wallSeconds: i.baseline.wallSeconds }, floorSpeedup,
    unchangedMemberWrites: unchanged.memberWrites, onePercentRequests: onePercent.mailchimpRequestsTotal, onePercentStatusChecks: Object.entries(onePercent.mailchimpRequests).filter(([k]) => k.startsWith("GET ")).reduce((n, [, v]) => n + v, 0),
    peakRssMb: workers.map((w) => w.peakRssMb), ...rss100k(i.args.outDir), batchesPerWorker: workers.map((w) => w.fullRunBatches), maxConnections,
  });
  return {
    date: new Date().toISOString(), command: i.command,
    settings: { ...i.args, connections: 10, membersPerRequest: i.membersPerRequest, batchPhaseMs: BATCH_PHASE_MS, database: i.database },
    machine: machine(), steps: [...steps, baselineStep],
    baseline: {
      sampled: i.baseline.sampled, records: i.baseline.records, scaled: i.baseline.scaled,
      note: i.baseline.scaled
        ? `${i.baseline.sampled} of ${i.baseline.records} records sent one PUT each, ten at a time; time and requests scaled linearly`
        : `all ${i.baseline.records} records sent one PUT each, ten at a time`,
    },
    floorSpeedupVsPerRecord: floorSpeedup, workers, maxConnections,
    notes: [
      "orders are not synced yet (no e-commerce sync exists): the 1% step changes partners only (phone + write_date via /_emulator/touch)",
      `Mailchimp emulator: ${i.args.latencyMs} ms per request + ${i.args.perRecordMs} ms per member/operation, 10 simultaneous connections; /batches operations run one at a time at ${i.args.latencyMs + i.args.perRecordMs} ms each`,
      `touch: ${JSON.stringify(i.touched).slice(0, 120)}`,
    ],
    targets, pass: missed(targets).length === 0, benchSeconds: i.benchSeconds,
  };
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

import { readFileSync } from "node:fs";
import { DEFAULT_CONCURRENCY } from "@/lib/sync/run/worker";

/** `npm run bench -- [flags]`: what to measure and against which emulator settings. */
export interface BenchArgs {
  size: number;
  workers: number;
  latencyMs: number;
  perRecordMs: number;
  /** Batch jobs each worker runs at once; the governor still caps Mailchimp connections at 10 across workers. */
  concurrency: number;
  /** Records the per-record baseline sends at most; the rest of its time is scaled linearly. */
  baselineSample: number;
  /** V8 old-space cap for worker processes in MB (0 = Node's default); by default `npm run worker`'s. */
  workerHeapMb: number;
  seed: number;
  outDir: string;
  /** Write bench/results/<date>-<size>[-w<N>].json. */
  write: boolean;
}

/**
 * 4 ms per member: Mailchimp takes seconds for a 500-member batch subscribe (2 s here at 500 members). The
 * per-request latency on top is the network round trip and Mailchimp's fixed cost.
 */
export const DEFAULT_PER_RECORD_MS = 4;

/**
 * The heap cap production workers run with: read from `npm run worker` in package.json, so the bench measures
 * the command operators start, not a setting of its own.
 */
export function productionWorkerHeapMb(packageJson = "package.json"): number {
  const scripts = (JSON.parse(readFileSync(packageJson, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  const match = /--max-old-space-size=(\d+)/.exec(scripts.worker ?? "");
  return match ? Number(match[1]) : 0;
}

export const BENCH_HELP = `Usage: npm run bench -- [flags]

  --size N               partners generated in the Odoo emulator (default 10000)
  --workers N            worker processes (default 1)
  --latency-ms N         Mailchimp emulator latency per request (default 50)
  --per-record-ms N      Mailchimp emulator cost per member/operation (default ${DEFAULT_PER_RECORD_MS})
  --concurrency N        batch jobs per worker (default ${DEFAULT_CONCURRENCY}, as npm run worker)
  --baseline-sample N    records the per-record baseline sends at most, scaled linearly (default 5000)
  --worker-heap-mb N     --max-old-space-size for workers, 0 = Node's default (default: npm run worker's)
  --seed N               Odoo data seed (default 1)
  --out-dir DIR          where results go (default bench/results)
  --no-write             print only
  --reconcile            the reconciliation bench instead: page data at 1M sync records / 100k gaps / 1k runs, and a
                         read-back of a ~100k-member audience (--size defaults to 270000 partners there, ~100k members)
`;

export function parseBenchArgs(argv: string[]): BenchArgs | "help" {
  const out: BenchArgs = {
    size: 10_000, workers: 1, latencyMs: 50, perRecordMs: DEFAULT_PER_RECORD_MS, concurrency: DEFAULT_CONCURRENCY,
    baselineSample: 5_000, workerHeapMb: productionWorkerHeapMb(), seed: 1, outDir: "bench/results", write: true,
  };
  const numeric: Record<string, keyof BenchArgs> = {
    "--size": "size", "--workers": "workers", "--latency-ms": "latencyMs", "--per-record-ms": "perRecordMs",
    "--concurrency": "concurrency", "--baseline-sample": "baselineSample", "--worker-heap-mb": "workerHeapMb", "--seed": "seed",
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag = "", inline] = (argv[i] as string).split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") return "help";
    if (flag === "--no-write") {
      out.write = false;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const key = numeric[flag];
    if (key) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} expects a non-negative number, got "${value}"`);
      Object.assign(out, { [key]: n });
    } else if (flag === "--out-dir") out.outDir = value;
    else throw new Error(`unknown flag ${flag}\n${BENCH_HELP}`);
  }
  if (out.size < 100) throw new Error("--size must be at least 100");
  if (out.workers < 1 || out.concurrency < 1) throw new Error("--workers and --concurrency must be at least 1");
  return out;
}

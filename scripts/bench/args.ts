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
  /** "bundle": the worker as `npm run worker` runs it (esbuild's bundle, its node flags); "tsx": through tsx's loader. */
  workerRuntime: "bundle" | "tsx";
  seed: number;
  /** Sale orders in the generated business; unset: three per partner (the generator's), capped by the sync bench. */
  orders?: number;
  /** The sync bench enables e-commerce in its policy and measures the full load's e-commerce step. */
  commerce: boolean;
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
 * Orders the sync bench generates unless --orders says otherwise: every order costs a /batches operation of 54 ms,
 * run one at a time per account, so three per partner would make the e-commerce step of a 100k load take hours.
 * The bench prints what the whole business would take.
 */
export const DEFAULT_BENCH_ORDERS = 5_000;

/** The orders the sync bench's business gets. */
export function benchOrders(args: Pick<BenchArgs, "size" | "orders" | "commerce">): number | undefined {
  if (args.orders !== undefined) return args.orders;
  return args.commerce ? Math.min(3 * args.size, DEFAULT_BENCH_ORDERS) : undefined;
}

/**
 * The heap cap production workers run with: read from `npm run worker` in package.json, so the bench measures
 * the command operators start, not a setting of its own.
 */
export function productionWorkerHeapMb(packageJson = "package.json"): number {
  const match = /--max-old-space-size=(\d+)/.exec(workerScript(packageJson));
  return match ? Number(match[1]) : 0;
}

/** The other node flags `npm run worker` starts the worker with (the last `node` command of the script). */
export function productionWorkerNodeFlags(packageJson = "package.json"): string[] {
  const last = workerScript(packageJson).split("&&").at(-1)?.trim().split(/\s+/) ?? [];
  const flags: string[] = [];
  for (const token of last.slice(1)) {
    if (!token.startsWith("--")) break;
    if (token === "--import") break;
    if (!token.startsWith("--max-old-space-size")) flags.push(token);
  }
  return flags;
}

function workerScript(packageJson: string): string {
  const scripts = (JSON.parse(readFileSync(packageJson, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  return scripts.worker ?? "";
}

export const BENCH_HELP = `Usage: npm run bench -- [flags]

  --size N               partners generated in the Odoo emulator (default 10000)
  --workers N            worker processes (default 1)
  --latency-ms N         Mailchimp emulator latency per request (default 50)
  --per-record-ms N      Mailchimp emulator cost per member/operation (default ${DEFAULT_PER_RECORD_MS})
  --concurrency N        batch jobs per worker (default ${DEFAULT_CONCURRENCY}, as npm run worker)
  --baseline-sample N    records the per-record baseline sends at most, scaled linearly (default 5000)
  --worker-heap-mb N     --max-old-space-size for workers, 0 = Node's default (default: npm run worker's)
  --worker-tsx           run workers through tsx (node --import tsx scripts/worker.ts) instead of npm run worker's bundle
  --seed N               Odoo data seed (default 1)
  --orders N             sale orders in the generated business (default: three per partner, at most
                         ${DEFAULT_BENCH_ORDERS.toLocaleString("en")} when the e-commerce step runs; it prints what all would take)
  --no-commerce          members only: the policy leaves e-commerce off (and the business keeps three orders per partner)
  --out-dir DIR          where results go (default bench/results)
  --no-write             print only
  --reconcile            the reconciliation bench instead: page data at 1M sync records / 100k gaps / 1k runs, and a
                         read-back of a ~100k-member audience (--size defaults to 270000 partners there, ~100k members)
`;

export function parseBenchArgs(argv: string[]): BenchArgs | "help" {
  const out: BenchArgs = {
    size: 10_000, workers: 1, latencyMs: 50, perRecordMs: DEFAULT_PER_RECORD_MS, concurrency: DEFAULT_CONCURRENCY,
    baselineSample: 5_000, workerHeapMb: productionWorkerHeapMb(), workerRuntime: "bundle", seed: 1, commerce: true, outDir: "bench/results", write: true,
  };
  const numeric: Record<string, keyof BenchArgs> = {
    "--size": "size", "--workers": "workers", "--latency-ms": "latencyMs", "--per-record-ms": "perRecordMs",
    "--concurrency": "concurrency", "--baseline-sample": "baselineSample", "--worker-heap-mb": "workerHeapMb", "--seed": "seed", "--orders": "orders",
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag = "", inline] = (argv[i] as string).split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") return "help";
    if (flag === "--no-write") {
      out.write = false;
      continue;
    }
    if (flag === "--worker-tsx") {
      out.workerRuntime = "tsx";
      continue;
    }
    if (flag === "--no-commerce") {
      out.commerce = false;
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

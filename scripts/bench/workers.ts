import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { buildWorker, WORKER_BUNDLE } from "../build-worker.mjs";
import { productionWorkerNodeFlags } from "./args";
import { own } from "./tree";

export interface WorkerReport {
  pid: number;
  peakRssMb: number;
  /** Resident set once started and idle (before the first run): what a worker costs at rest. */
  restRssMb?: number;
  /** "batch finished" log lines per run id: which process did the work. */
  batchesByRun: Record<string, number>;
  plansByRun: Record<string, number>;
  exitCode: number | null;
}

export interface BenchWorker {
  pid: number;
  /** Resolves once the worker logged that it takes jobs. */
  ready: Promise<void>;
  report(): WorkerReport;
  /** Reads VmHWM (the kernel's peak RSS) first, then SIGTERM and wait. */
  stop(): Promise<WorkerReport>;
  /** Records the current resident set as the worker's cost at rest. */
  noteRest(): void;
}

export interface SpawnOptions {
  concurrency: number;
  heapMb: number;
  /** "bundle": `npm run worker`'s command (the esbuild bundle and its node flags); "tsx": scripts/worker.ts through tsx. */
  runtime?: "bundle" | "tsx";
}

/**
 * Worker children started as `npm run worker` starts them (node with its flags on the bundle, built once per
 * bench), or through tsx; their logs come back as JSON lines.
 */
export async function spawnWorkers(n: number, env: Record<string, string>, opts: SpawnOptions): Promise<BenchWorker[]> {
  if ((opts.runtime ?? "bundle") === "bundle") await buildWorker();
  return Array.from({ length: n }, () => spawnWorker(env, opts));
}

function spawnWorker(env: Record<string, string>, opts: SpawnOptions): BenchWorker {
  const heap = opts.heapMb > 0 ? [`--max-old-space-size=${opts.heapMb}`] : [];
  const program = (opts.runtime ?? "bundle") === "bundle" ? [...heap, ...productionWorkerNodeFlags(), WORKER_BUNDLE] : [...heap, "--import", "tsx", "scripts/worker.ts"];
  const child = spawn(process.execPath, [...program, "--concurrency", String(opts.concurrency), "--no-alerts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid as number;
  const state: WorkerReport = { pid, peakRssMb: 0, batchesByRun: {}, plansByRun: {}, exitCode: null };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    child.once("exit", (code) => reject(new Error(`worker ${pid} exited before it was ready (code ${code})`)));
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line.includes('"sync worker started"')) markReady();
    countLine(state, line);
  });
  createInterface({ input: child.stderr! }).on("line", (line) => process.stderr.write(`worker ${pid}: ${line}\n`));
  // Sampled as well, in case the process dies before stop() can read its peak.
  const sampler = setInterval(() => sampleRss(state), 1000);
  const exited = new Promise<void>((resolve) => child.once("exit", (code) => {
    clearInterval(sampler);
    state.exitCode = code;
    resolve();
  }));
  const stop = async (): Promise<WorkerReport> => {
    sampleRss(state);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    return state;
  };
  own(`worker ${pid}`, async () => void (await stopHard(child, exited)));
  const noteRest = () => {
    const mb = currentRssMb(pid);
    if (mb !== undefined) state.restRssMb = mb;
  };
  return { pid, ready, report: () => state, stop, noteRest };
}

function countLine(state: WorkerReport, line: string): void {
  if (!line.startsWith("{")) return;
  let entry: { msg?: unknown; runId?: unknown; level?: unknown; err?: unknown };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch (err) {
    process.stderr.write(`worker ${state.pid}: unparsable log line (${String(err)}): ${line.slice(0, 200)}\n`);
    return;
  }
  const runId = typeof entry.runId === "string" ? entry.runId : "?";
  if (entry.msg === "batch finished") state.batchesByRun[runId] = (state.batchesByRun[runId] ?? 0) + 1;
  else if (entry.msg === "run planned") state.plansByRun[runId] = (state.plansByRun[runId] ?? 0) + 1;
  if (typeof entry.level === "number" && entry.level >= 40) process.stderr.write(`worker ${state.pid}: ${line.slice(0, 500)}\n`);
}

function currentRssMb(pid: number): number | undefined {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ESRCH") return undefined;
    throw err;
  }
}

/** VmHWM is the resident-set high-water mark: reading it last, just before exit, gives the process' peak. */
function sampleRss(state: WorkerReport): void {
  let status: string;
  try {
    status = readFileSync(`/proc/${state.pid}/status`, "utf8");
  } catch (err) {
    // Already gone: the last sample stands.
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ESRCH") return;
    throw err;
  }
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  state.peakRssMb = Math.max(state.peakRssMb, Math.round(kb / 1024));
}

async function stopHard(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 70_000);
  await exited;
  clearTimeout(timer);
}

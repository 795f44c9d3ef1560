/**
 * `npm run sync -- --mode incremental|full [--dry-run] [worker flags]`: requests a run, processes it in this
 * process unless a worker (`npm run worker`, or the demo's console) is attached to the database, waits for the
 * end and prints ONE line of JSON. Exit 0 when the run succeeded (record-level exceptions included); 1 when it
 * failed or was cancelled (no policy, Odoo unreachable...); 2 when it could not be requested (another run
 * active) or the command line is wrong (the usage is printed on stderr).
 * Uses DATABASE_URL, or the embedded database (attached to when the demo or the console runs it). A database
 * restart during the run pauses it; it carries on when the database is back.
 */
import pg from "pg";
import { createPrisma } from "@/lib/db/client";
import { appDatabaseOptions, provisionDatabase } from "@/lib/db/provision";
import { logger, logsToStderr } from "@/lib/logger";
import { parseFlags, UsageError, WORKER_FLAGS, WORKER_FLAGS_HELP, workerOptionsFromEnv, type Flags } from "@/lib/sync/run/cli-options";
import { RunConflictError } from "@/lib/sync/run/errors";
import { workerIsRunning } from "@/lib/sync/run/presence";
import { bossQueue, startBoss } from "@/lib/sync/run/queue";
import { requestRun } from "@/lib/sync/run/request-run";
import { runSummary, waitForRun } from "@/lib/sync/run/wait-run";
import { describeDatabaseError } from "@/lib/db/health";
import { superviseWorker, type SupervisedWorker } from "@/lib/sync/run/liveness/supervise-worker";
import { exitWithUsage } from "./lib/usage";

const USAGE = `Usage: npm run sync -- --mode incremental|full [--dry-run] [flags]\n\n${WORKER_FLAGS_HELP}\n`;

function readCommandLine(argv: string[]): { flags: Flags; mode: "full" | "incremental" } {
  try {
    const flags = parseFlags(argv, { ...WORKER_FLAGS, mode: { type: "string" }, "dry-run": { type: "boolean" } });
    const mode = flags.get("mode") ?? "incremental";
    if (mode !== "full" && mode !== "incremental") throw new UsageError(`--mode must be full or incremental, got ${String(mode)}`);
    return { flags, mode };
  } catch (err) {
    if (err instanceof UsageError) exitWithUsage(err.message, USAGE);
    throw err;
  }
}

function refuse(message: string): never {
  process.stderr.write(`${JSON.stringify({ error: message })}\n`);
  process.exit(2);
}

const { flags, mode } = readCommandLine(process.argv.slice(2));
if (flags.has("help")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

// stdout carries the one summary line; every module's logs go to stderr.
logsToStderr();
const log = logger.child({ component: "sync-cli" });
const db = await provisionDatabase(appDatabaseOptions());
let options;
try {
  // A one-shot run: consent flow-back belongs to long-running workers.
  options = { ...workerOptionsFromEnv(flags, db.url), log, announce: false, consent: undefined };
} catch (err) {
  await db.stop();
  if (err instanceof UsageError) exitWithUsage(err.message, USAGE);
  refuse(err instanceof Error ? err.message : String(err));
}
const prisma = createPrisma(db.url);
const boss = await startBoss(db.url, options.queue, { supervise: false, onError: (err) => log.warn({ err: err.message }, "queue error") });
let runId: string;
try {
  ({ runId } = await requestRun(prisma, { mode, trigger: "cli", dryRun: flags.has("dry-run") }, bossQueue(boss)));
} catch (err) {
  await boss.stop({ graceful: false, wait: true });
  await prisma.$disconnect();
  await db.stop();
  refuse(err instanceof RunConflictError ? err.message : `Could not request a run: ${err instanceof Error ? err.message : String(err)}`);
}

const pool = new pg.Pool({ connectionString: db.url, max: 1 });
const external = await workerIsRunning(pool);
await pool.end();
// The run's worker in this process outlives a database restart like `npm run worker` does, and so does the wait.
let worker: SupervisedWorker | undefined;
if (!external) worker = await superviseWorker({ ...options, prisma });
else log.info({ runId }, "a worker is attached: leaving the run to it");

let waiting = false;
const run = await waitForRun(prisma, runId, {
  whileUnavailable: (err) => {
    if (!waiting) log.warn({ reason: describeDatabaseError(err) }, "database unavailable: waiting for it to see the run end");
    waiting = true;
  },
});
await worker?.stop();
await boss.stop({ graceful: false, wait: true });
await prisma.$disconnect();
await db.stop();
process.stdout.write(`${JSON.stringify(runSummary(run))}\n`);
process.exit(run.status === "succeeded" ? 0 : 1);

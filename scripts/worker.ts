/**
 * `npm run worker -- [flags]`: one sync worker process. Takes plan and batch jobs from the Postgres queue
 * until SIGTERM/SIGINT, then stops taking jobs and lets the current ones finish (what does not finish in
 * time is handed on to another worker at once). A worker that loses its database waits for it and carries on
 * (lib/sync/run/liveness/supervise-worker.ts). Run as many as you like: the Mailchimp
 * connection budget is shared through Postgres. Uses DATABASE_URL, or the embedded database (attached to when
 * the demo or the console runs it, started and stopped with this worker otherwise). An unknown flag prints the
 * usage on stderr and exits 2.
 */
import { logger } from "@/lib/logger";
import { appDatabaseOptions, describeDatabase, provisionDatabase } from "@/lib/db/provision";
import { parseFlags, UsageError, WORKER_FLAGS_HELP, workerOptionsFromEnv, type Flags } from "@/lib/sync/run/cli-options";
import { superviseWorker } from "@/lib/sync/run/liveness/supervise-worker";
import { exitWithUsage } from "./lib/usage";

const USAGE = `Usage: npm run worker -- [flags]\n\n${WORKER_FLAGS_HELP}\n`;

function usageChecked<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof UsageError) exitWithUsage(err.message, USAGE);
    throw err;
  }
}

const flags: Flags = usageChecked(() => parseFlags(process.argv.slice(2)));
if (flags.has("help")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const db = await provisionDatabase(appDatabaseOptions());
logger.info(describeDatabase(db));
let options;
try {
  options = usageChecked(() => workerOptionsFromEnv(flags, db.url));
} catch (err) {
  // Not configured (no ODOO_*/MAILCHIMP_*, and no demo running beside it): say what is missing, not a stack.
  logger.fatal(err instanceof Error ? err.message : String(err));
  await db.stop();
  process.exit(1);
}
const worker = await superviseWorker(options);
let stopping = false;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping worker: finishing current jobs");
    worker
      .stop({ timeoutMs: 60_000 })
      .then(
        () => 0,
        (err: unknown) => {
          logger.error({ err }, "worker did not stop cleanly");
          return 1;
        },
      )
      .then(async (code) => {
        await db.stop();
        process.exit(code);
      });
  });
}

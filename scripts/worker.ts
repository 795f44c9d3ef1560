/**
 * `npm run worker -- [flags]`: one sync worker process. Takes plan and batch jobs from the Postgres queue
 * until SIGTERM/SIGINT, then stops taking jobs and lets the current ones finish (what does not finish in
 * time is retried by another worker once its job expires). Run as many as you like: the Mailchimp
 * connection budget is shared through Postgres.
 */
import { logger } from "@/lib/logger";
import { parseFlags, WORKER_FLAGS_HELP, workerOptionsFromEnv } from "@/lib/sync/run/cli-options";
import { startWorker } from "@/lib/sync/run/worker";

const flags = parseFlags(process.argv.slice(2));
if (flags.has("help")) {
  process.stdout.write(`Usage: npm run worker -- [flags]\n\n${WORKER_FLAGS_HELP}\n`);
  process.exit(0);
}

const worker = await startWorker(workerOptionsFromEnv(flags));
let stopping = false;
worker.governor.connection.client.on("end", () => {
  if (stopping) return;
  // Our slots and batch locks died with the session: carrying on could exceed the connection budget.
  logger.fatal("governor session ended; exiting so the jobs are retried by a healthy worker");
  process.exit(1);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping worker: finishing current jobs");
    worker.stop({ timeoutMs: 60_000 }).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "worker did not stop cleanly");
        process.exit(1);
      },
    );
  });
}

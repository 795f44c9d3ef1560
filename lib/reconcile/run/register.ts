import type PgBoss from "pg-boss";
import { ensurePassQueue, PASS_JOB, passJobData } from "./jobs";
import { handlePassJob, type PassDeps } from "./pass-job";

/** Subscribes a worker process to read-back passes: one at a time per process (a pass is a whole audience). */
export async function registerReconcileHandler(boss: PgBoss, deps: PassDeps, opts: { pollingIntervalSeconds: number }): Promise<void> {
  await ensurePassQueue(boss);
  await boss.work<unknown>(PASS_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
    // Data that does not parse is a bug on the sending side: failing the job keeps it visible in pg-boss.
    for (const job of jobs) await handlePassJob(deps, passJobData.parse(job.data));
  });
}

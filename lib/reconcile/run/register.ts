import type PgBoss from "pg-boss";
import type { JobClaims } from "@/lib/sync/run/liveness/job-claims";
import { ensurePassQueue, PASS_JOB, passJobData } from "./jobs";
import { handlePassJob, type PassDeps } from "./pass-job";

/**
 * Subscribes a worker process to read-back passes: one at a time per process (a pass is a whole audience). A pass
 * is claimed under the worker's id while it runs, so a live worker hands it on within the heartbeat's dead-after
 * if this one dies (the pass starts over), not after the queue's 30-minute expiry.
 */
export async function registerReconcileHandler(boss: PgBoss, deps: PassDeps, opts: { pollingIntervalSeconds: number; claims?: JobClaims }): Promise<void> {
  await ensurePassQueue(boss);
  await boss.work<unknown>(PASS_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
    for (const job of jobs) {
      // Data that does not parse is a bug on the sending side: failing the job keeps it visible in pg-boss.
      const data = passJobData.parse(job.data);
      await opts.claims?.claim(PASS_JOB, job.id, data);
      try {
        await handlePassJob(deps, data);
      } finally {
        await opts.claims?.release(job.id);
      }
    }
  });
}

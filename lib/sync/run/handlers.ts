import type PgBoss from "pg-boss";
import { withRunContext } from "@/lib/metrics/run-context";
import type { z } from "zod";
import { handleBatchJob } from "./batch-job";
import { handleDeadJob } from "./dead-job";
import { BATCH_JOB, batchJobData, DEAD_JOB, deadJobData, PLAN_JOB, planJobData } from "./jobs";
import { handlePlanJob } from "./plan-job";
import type { JobClaims } from "./liveness/job-claims";
import type { Runtime } from "./runtime";

interface Registration<S extends z.ZodType> {
  name: string;
  schema: S;
  handle: (rt: Runtime, data: z.infer<S>) => Promise<void>;
  /** Parallel pollers in this process. */
  workers: number;
  /** Claimed under this worker's id while it runs, so another worker hands it on if this one dies. */
  claimed: boolean;
}

/** Subscribes this process to every job; batch concurrency is the worker's setting. */
export async function registerHandlers(boss: PgBoss, rt: Runtime, opts: { concurrency: number; pollingIntervalSeconds: number; claims?: JobClaims }): Promise<void> {
  const on = { pollingIntervalSeconds: opts.pollingIntervalSeconds, claims: opts.claims };
  await subscribe(boss, rt, on, { name: DEAD_JOB, schema: deadJobData, handle: handleDeadJob, workers: 1, claimed: false });
  await subscribe(boss, rt, on, { name: PLAN_JOB, schema: planJobData, handle: handlePlanJob, workers: 1, claimed: true });
  await subscribe(boss, rt, on, { name: BATCH_JOB, schema: batchJobData, handle: handleBatchJob, workers: opts.concurrency, claimed: true });
}

async function subscribe<S extends z.ZodType>(boss: PgBoss, rt: Runtime, on: { pollingIntervalSeconds: number; claims: JobClaims | undefined }, reg: Registration<S>): Promise<void> {
  const { pollingIntervalSeconds } = on;
  const claims = reg.claimed ? on.claims : undefined;
  for (let i = 0; i < reg.workers; i++) {
    let workerId: string | undefined;
    workerId = await boss.work<unknown>(reg.name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      try {
        for (const job of jobs) {
          // Data that does not parse is a bug on the sending side: failing the job keeps it visible in pg-boss.
          const data = reg.schema.parse(job.data);
          await claims?.claim(reg.name, job.id, data);
          try {
            // Every Mailchimp call the job makes is counted for its run (lib/metrics).
            await withRunContext((data as { runId?: string }).runId, () => reg.handle(rt, data));
          } finally {
            await claims?.release(job.id);
          }
        }
      } finally {
        // pg-boss otherwise waits out the polling interval after every job, capping each poller at one job per interval.
        if (workerId) boss.notifyWorker(workerId);
      }
    });
  }
}

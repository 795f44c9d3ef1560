import type PgBoss from "pg-boss";
import { withRunContext } from "@/lib/metrics/run-context";
import type { z } from "zod";
import { handleBatchJob } from "./batch-job";
import { handleDeadJob } from "./dead-job";
import { BATCH_JOB, batchJobData, DEAD_JOB, deadJobData, PLAN_JOB, planJobData } from "./jobs";
import { handlePlanJob } from "./plan-job";
import type { Runtime } from "./runtime";

interface Registration<S extends z.ZodType> {
  name: string;
  schema: S;
  handle: (rt: Runtime, data: z.infer<S>) => Promise<void>;
  /** Parallel pollers in this process. */
  workers: number;
}

/** Subscribes this process to every job; batch concurrency is the worker's setting. */
export async function registerHandlers(boss: PgBoss, rt: Runtime, opts: { concurrency: number; pollingIntervalSeconds: number }): Promise<void> {
  await subscribe(boss, rt, opts.pollingIntervalSeconds, { name: DEAD_JOB, schema: deadJobData, handle: handleDeadJob, workers: 1 });
  await subscribe(boss, rt, opts.pollingIntervalSeconds, { name: PLAN_JOB, schema: planJobData, handle: handlePlanJob, workers: 1 });
  await subscribe(boss, rt, opts.pollingIntervalSeconds, { name: BATCH_JOB, schema: batchJobData, handle: handleBatchJob, workers: opts.concurrency });
}

async function subscribe<S extends z.ZodType>(boss: PgBoss, rt: Runtime, pollingIntervalSeconds: number, reg: Registration<S>): Promise<void> {
  for (let i = 0; i < reg.workers; i++) {
    let workerId: string | undefined;
    workerId = await boss.work<unknown>(reg.name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      try {
        for (const job of jobs) {
          // Data that does not parse is a bug on the sending side: failing the job keeps it visible in pg-boss.
          const data = reg.schema.parse(job.data);
          // Every Mailchimp call the job makes is counted for its run (lib/metrics).
          await withRunContext((data as { runId?: string }).runId, () => reg.handle(rt, data));
        }
      } finally {
        // pg-boss otherwise waits out the polling interval after every job, capping each poller at one job per interval.
        if (workerId) boss.notifyWorker(workerId);
      }
    });
  }
}

import PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { jobId } from "./job-id";
import { BATCH_JOB, batchJobKey, DEFAULT_QUEUE_SETTINGS, PLAN_JOB, planJobKey, queueDefinitions, type QueueSettings } from "./jobs";
import { ensureQueue } from "./ensure-queue";
import { reportUnawaitedJobEnds } from "./queue-job-ends";

/** What request/resume/plan need from the queue: sending, nothing else. */
export interface RunQueue {
  sendPlan(runId: string): Promise<void>;
  sendBatch(runId: string, batchId: string, generation: number): Promise<void>;
}

/** pg-boss in its own schema of the application database; queues created (or re-tuned) on start. */
export async function startBoss(
  databaseUrl: string,
  settings: Partial<QueueSettings> = {},
  opts: { supervise?: boolean; onError?: (err: Error) => void } = {},
): Promise<PgBoss> {
  const s = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
  reportUnawaitedJobEnds();
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "bridgeline-queue",
    max: 4,
    supervise: opts.supervise ?? true,
    schedule: false,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds,
  });
  // pg-boss re-emits pool errors (a dropped connection); without a listener Node would crash the process.
  boss.on("error", opts.onError ?? ((err) => logger.warn({ err: err.message }, "queue connection error")));
  await boss.start();
  for (const q of queueDefinitions(s)) await ensureQueue(boss, q.name, { name: q.name, ...q.options });
  return boss;
}

export function bossQueue(boss: PgBoss): RunQueue {
  return {
    async sendPlan(runId) {
      await boss.send(PLAN_JOB, { runId }, { id: jobId(planJobKey(runId)) });
    },
    async sendBatch(runId, batchId, generation) {
      await boss.send(BATCH_JOB, { runId, batchId }, { id: jobId(batchJobKey(batchId, generation)) });
    },
  };
}

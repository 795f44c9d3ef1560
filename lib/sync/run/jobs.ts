import { z } from "zod";

/**
 * The job registry: every job the runtime sends, its data and its retry policy. Handlers live in
 * handlers.ts; this file is what senders need.
 */
export const PLAN_JOB = "sync.plan";
export const BATCH_JOB = "sync.batch";
/** Jobs that failed for good (retries spent, or expired on a crashed worker with none left) land here. */
export const DEAD_JOB = "sync.dead";

export const planJobData = z.object({ runId: z.uuid() });
export const batchJobData = z.object({ runId: z.uuid(), batchId: z.uuid() });
export const deadJobData = z.object({ runId: z.uuid(), batchId: z.uuid().optional() });

export type PlanJobData = z.infer<typeof planJobData>;
export type BatchJobData = z.infer<typeof batchJobData>;

export interface QueueSettings {
  /** A job active longer than this is presumed dead (its worker crashed) and retried elsewhere. */
  planExpireSeconds: number;
  batchExpireSeconds: number;
  planRetryLimit: number;
  batchRetryLimit: number;
  retryDelaySeconds: number;
  /** How often expired jobs are looked for. */
  maintenanceIntervalSeconds: number;
  pollingIntervalSeconds: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  planExpireSeconds: 30 * 60,
  batchExpireSeconds: 10 * 60,
  planRetryLimit: 2,
  batchRetryLimit: 6,
  retryDelaySeconds: 5,
  maintenanceIntervalSeconds: 30,
  pollingIntervalSeconds: 0.5,
};

export function queueDefinitions(s: QueueSettings) {
  const retry = { retryDelay: s.retryDelaySeconds, retryBackoff: true, deadLetter: DEAD_JOB };
  return [
    { name: DEAD_JOB, options: { retryLimit: 5, retryDelay: s.retryDelaySeconds, expireInSeconds: 300 } },
    { name: PLAN_JOB, options: { ...retry, retryLimit: s.planRetryLimit, expireInSeconds: s.planExpireSeconds } },
    { name: BATCH_JOB, options: { ...retry, retryLimit: s.batchRetryLimit, expireInSeconds: s.batchExpireSeconds } },
  ];
}

/** Deterministic job names: a plan job per run, a batch job per batch and dispatch generation. */
export const planJobKey = (runId: string) => `plan:${runId}`;
export const batchJobKey = (batchId: string, generation: number) => `batch:${batchId}:${generation}`;

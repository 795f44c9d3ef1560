import type PgBoss from "pg-boss";
import { z } from "zod";
import { jobId } from "@/lib/sync/run/job-id";
import type { AlertChange } from "../types";
import { ensureQueue } from "@/lib/sync/run/ensure-queue";

/** One delivery of one alert event to the configured webhook; pg-boss retries it with exponential backoff. */
export const ALERT_DELIVER_JOB = "alerts.deliver";
export const deliverJobData = z.object({ alertId: z.string().regex(/^\d+$/), event: z.enum(["opened", "resolved"]) });
export type DeliverJobData = z.infer<typeof deliverJobData>;

export interface DeliveryRetry {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (retryBackoff). */
  retryDelay: number;
}

/** About 1+2+4+...+256 s x 10: a receiver down for ~85 minutes still gets the message. */
export const DEFAULT_DELIVERY_RETRY: DeliveryRetry = { retryLimit: 9, retryDelay: 10 };

export async function ensureAlertQueue(boss: PgBoss, retry: DeliveryRetry = DEFAULT_DELIVERY_RETRY): Promise<void> {
  const options = { name: ALERT_DELIVER_JOB, retryLimit: retry.retryLimit, retryDelay: retry.retryDelay, retryBackoff: true, expireInSeconds: 120 };
  await ensureQueue(boss, ALERT_DELIVER_JOB, options);
}

/** The notifier evaluations call: one job per change, with a deterministic id so the same change is never queued twice. */
export function bossAlertNotifier(boss: PgBoss): (changes: AlertChange[]) => Promise<void> {
  return async (changes) => {
    for (const c of changes) {
      await boss.send(ALERT_DELIVER_JOB, { alertId: c.id.toString(), event: c.event } satisfies DeliverJobData, { id: jobId(`alert:${c.id}:${c.event}`) });
    }
  };
}

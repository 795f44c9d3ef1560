import type PgBoss from "pg-boss";
import { evaluateAll, type AlertDeps } from "./evaluate-alerts";
import { ensureQueue } from "@/lib/sync/run/ensure-queue";

/**
 * alerts.check: every evaluator and the proactive diagnosis, run by a worker (it holds the governed Mailchimp
 * client and the Odoo client). Sent by the cron route (/api/cron/alerts) and by "Check now" on the Alerts page.
 */
export const ALERT_CHECK_JOB = "alerts.check";

export async function ensureCheckQueue(boss: PgBoss): Promise<void> {
  // One check at a time is plenty; a failed one is simply the next schedule's job.
  const options = { name: ALERT_CHECK_JOB, retryLimit: 0, expireInSeconds: 600, policy: "stately" as const };
  await ensureQueue(boss, ALERT_CHECK_JOB, options, { update: false });
}

/** Queues a check; returns the job id, or null when one is already waiting (stately queue: one waiting, one running). */
export async function requestAlertCheck(boss: PgBoss): Promise<string | null> {
  await ensureCheckQueue(boss);
  return boss.send(ALERT_CHECK_JOB, {});
}

export async function registerAlertCheck(boss: PgBoss, deps: AlertDeps, opts: { pollingIntervalSeconds: number }): Promise<void> {
  await ensureCheckQueue(boss);
  await boss.work(ALERT_CHECK_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds, batchSize: 1 }, async () => {
    await evaluateAll(deps);
  });
}

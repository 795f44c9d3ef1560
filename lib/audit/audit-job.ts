import type PgBoss from "pg-boss";
import { ensureQueue } from "@/lib/sync/run/ensure-queue";
import { runAudit, type AuditDeps } from "./run-audit";
import { saveReport } from "./save-report";

/**
 * audit.run: the integration audit, run by a worker (it holds the governed Mailchimp client and the Odoo client)
 * and saved for the console. Sent by "Run audit" on the Integration audit page.
 */
export const AUDIT_JOB = "audit.run";

async function ensureAuditQueue(boss: PgBoss): Promise<void> {
  // One waiting and one running at most: a second click while one waits adds nothing.
  await ensureQueue(boss, AUDIT_JOB, { name: AUDIT_JOB, retryLimit: 0, expireInSeconds: 1800, policy: "stately" as const }, { update: false });
}

/** Queues an audit; the job id, or null when one is already waiting. */
export async function requestAudit(boss: PgBoss): Promise<string | null> {
  await ensureAuditQueue(boss);
  return boss.send(AUDIT_JOB, {});
}

export async function registerAuditJob(boss: PgBoss, deps: AuditDeps, opts: { pollingIntervalSeconds: number }): Promise<void> {
  await ensureAuditQueue(boss);
  await boss.work(AUDIT_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds, batchSize: 1 }, async () => {
    await saveReport(deps.prisma, await runAudit(deps), "console");
  });
}

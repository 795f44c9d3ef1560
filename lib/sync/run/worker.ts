import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { createPrisma } from "@/lib/db/client";
import { logger as rootLogger } from "@/lib/logger";
import { MailchimpClient, type MailchimpConfig, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import { OdooClient, type OdooConfig } from "@/lib/odoo";
import { ConnectionGovernor } from "@/lib/sync/governor";
import { CallStats } from "@/lib/metrics/call-stats";
import { startCallStatsFlusher } from "@/lib/metrics/flush-call-stats";
import { currentRunId } from "@/lib/metrics/run-context";
import type { Db } from "./db";
import { registerHandlers } from "./handlers";
import { bossPassQueue } from "@/lib/reconcile/run/jobs";
import { readBackAfterRuns } from "@/lib/reconcile/run/after-run";
import { registerReconcileHandler } from "@/lib/reconcile/run/register";
import { DEFAULT_QUEUE_SETTINGS, type QueueSettings } from "./jobs";
import { createAlertHooks } from "@/lib/alerts/runtime-hooks";
import { evaluateLag } from "@/lib/alerts/evaluate-alerts";
import { bossAlertNotifier, ensureAlertQueue, type DeliveryRetry } from "@/lib/alerts/deliver/jobs";
import { registerAlertDelivery } from "@/lib/alerts/deliver/deliver-alert";
import { registerAlertCheck } from "@/lib/alerts/check-job";
import { registerAuditJob } from "@/lib/audit/audit-job";
import { MergeFieldEnsurer } from "./merge-fields";
import type { PlannerPort } from "./planner-port";
import { announceWorker } from "./presence";
import { DEFAULT_LIVENESS, startLiveness, type Liveness, type LivenessSettings } from "./liveness/start-liveness";
import { startConsentLoop, type ConsentLoopOptions } from "./consent-loop";
import { bossQueue, startBoss } from "./queue";
import { recoverRuns } from "./recover";
import { DEFAULT_POLL, DEFAULT_RUNTIME_RETRY, type Runtime } from "./runtime";

/**
 * Two more batch jobs than Mailchimp connections: while a job records its outcomes in Postgres (its connection
 * slot already given back), another is waiting to use the slot, so one worker keeps all 10 connections busy.
 */
export const DEFAULT_CONCURRENCY = 12;

export interface WorkerOptions {
  databaseUrl: string;
  /** Defaults to a client of its own on databaseUrl (closed on stop). */
  prisma?: Db;
  mailchimp: MailchimpConfig;
  mailchimpTimeoutMs?: number;
  odoo: OdooConfig | OdooClient;
  planner: PlannerPort;
  /** Batch jobs this process runs at once. */
  concurrency?: number;
  /** Simultaneous Mailchimp connections for the API key, across all processes. */
  maxConnections?: number;
  queue?: Partial<QueueSettings>;
  retry?: RetryPolicy;
  poll?: PollOptions;
  heartbeatMs?: number;
  /** This process' heartbeat and how soon a silent worker's jobs are handed on (liveness/start-liveness.ts). */
  liveness?: Partial<LivenessSettings>;
  /** Register audience webhooks at this URL when planning (lib/consent). */
  webhookUrl?: string;
  /** Run consent flow-back (webhook events -> Odoo write-backs, periodic polls) in this process. */
  consent?: ConsentLoopOptions;
  /**
   * Alerts (diagnosis before each run, evaluation after runs and passes, scheduled checks, delivery to
   * ALERT_WEBHOOK_URL with links to consoleUrl). Unset: none (tests and the bench count every request).
   */
  alerts?: { webhookUrl?: string; consoleUrl?: string; retry?: DeliveryRetry };
  /** Whether `npm run sync` should see this process as an external worker. */
  announce?: boolean;
  log?: Logger;
}

export interface RunningWorker {
  runtime: Runtime;
  boss: PgBoss;
  governor: ConnectionGovernor;
  liveness: Liveness;
  /** Stops taking jobs, waits up to timeoutMs for the current ones, then closes connections. */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

/**
 * A start that fails part-way (the database went while starting) stops what it had started, so no queue handler or
 * governor session is left running in the process; the error carries the worker id it had registered, if any
 * (`StartFailure.workerId`), so whoever starts again can mark that row stopped.
 */
export class StartFailure extends Error {
  constructor(override readonly cause: unknown, readonly workerId: string | undefined) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "StartFailure";
  }
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const log = o.log ?? rootLogger.child({ component: "sync-worker", pid: process.pid });
  const settings = { ...DEFAULT_QUEUE_SETTINGS, ...o.queue };
  const prisma = o.prisma ?? createPrisma(o.databaseUrl);
  // What has started so far, stopped in reverse order by stop() or by a failed start.
  const started: Array<(timeoutMs: number) => Promise<unknown> | undefined> = [];
  if (!o.prisma) started.push(() => prisma.$disconnect());
  const stopAll = async (timeoutMs: number) => {
    // Every step runs even if one fails: after a lost database the queue cannot record its last jobs, and the
    // connections must still be closed.
    const failures: unknown[] = [];
    for (const stop of started.splice(0).reverse()) {
      try {
        await stop(timeoutMs);
      } catch (err) {
        failures.push(err);
      }
    }
    return failures;
  };
  let liveness: Liveness | undefined;
  try {
    const governor = await ConnectionGovernor.start({
      databaseUrl: o.databaseUrl, apiKey: o.mailchimp.apiKey, maxConnections: o.maxConnections ?? 10,
      onError: (err) => log.error({ err }, "governor connection lost; slots and batch locks are gone with it"),
    });
    started.push(() => governor.close());
    // Every call, counted per minute, run, endpoint and outcome for the monitoring charts.
    const calls = new CallStats();
    const mailchimp = new MailchimpClient(o.mailchimp, {
      acquire: governor.acquire, timeoutMs: o.mailchimpTimeoutMs ?? 120_000,
      observe: (call) => calls.record({ ...call, runId: currentRunId(), at: new Date() }),
    });
    started.push(startCallStatsFlusher(prisma, calls, { log }));
    const retry = o.retry ?? DEFAULT_RUNTIME_RETRY;
    const boss = await startBoss(o.databaseUrl, settings, { onError: (err) => log.error({ err: err.message }, "queue error") });
    const stopBoss = (timeout: number) => boss.stop({ graceful: true, wait: true, timeout });
    started.push(stopBoss);
    const runtime: Runtime = {
      prisma, queue: bossQueue(boss), mailchimp, log, retry,
      odoo: o.odoo instanceof OdooClient ? o.odoo : new OdooClient(o.odoo),
      planner: o.planner,
      mergeFields: new MergeFieldEnsurer(mailchimp, { retry, poll: o.poll ?? DEFAULT_POLL, prisma }),
      locks: governor.connection,
      poll: o.poll ?? DEFAULT_POLL,
      heartbeatMs: o.heartbeatMs ?? 5_000,
      ...(o.webhookUrl ? { webhookUrl: o.webhookUrl } : {}),
    };
    if (o.announce ?? true) await announceWorker(governor.connection);
    const alive = await startLiveness({ prisma, session: governor.connection, boss, log, settings: { ...DEFAULT_LIVENESS, ...o.liveness } });
    liveness = alive;
    // The queue stops before the worker is marked stopped: a stopped worker's unfinished jobs are handed on at
    // once, so it is marked only when its own jobs have settled.
    started.splice(started.indexOf(stopBoss), 1, () => alive.stop(), stopBoss);
    await registerHandlers(boss, runtime, { concurrency: o.concurrency ?? DEFAULT_CONCURRENCY, pollingIntervalSeconds: settings.pollingIntervalSeconds, claims: alive });
    // Reconciliation (lib/reconcile) shares the queue, the governor and the Odoo client: its read-backs run here,
    // at backfill priority, after each successful full or repair run, on schedule and on demand.
    // Alerts (lib/alerts): diagnosis before each run, evaluation after each run and pass, delivery to the webhook.
    const alertDeps = !o.alerts ? undefined : await startAlerts(boss, runtime, o.alerts ?? {}, settings.pollingIntervalSeconds);
    await registerReconcileHandler(boss, { prisma, odoo: runtime.odoo, mailchimp, retry, log, ...(alertDeps ? { afterPass: () => evaluateLag(alertDeps) } : {}) }, { pollingIntervalSeconds: settings.pollingIntervalSeconds, claims: alive });
    runtime.onRunFinished = readBackAfterRuns(prisma, () => bossPassQueue(boss));
    await recoverRuns(runtime);
    const consent = o.consent ? startConsentLoop(runtime, { ...o.consent, leaseHolder: alive.workerId }) : undefined;
    if (consent) started.push(() => consent.stop());
    log.info({ concurrency: o.concurrency ?? DEFAULT_CONCURRENCY, maxConnections: governor.maxConnections, workerId: alive.workerId }, "sync worker started");
    return {
      runtime, boss, governor, liveness: alive,
      async stop(opts = {}) {
        const failures = await stopAll(opts.timeoutMs ?? 30_000);
        if (failures.length > 0) throw failures[0];
        log.info("sync worker stopped");
      },
    };
  } catch (err) {
    const failures = await stopAll(5_000);
    if (failures.length > 0) log.warn({ err: String(failures[0]) }, "a part of the worker that had started did not stop cleanly");
    throw new StartFailure(err, liveness?.workerId);
  }
}

async function startAlerts(boss: PgBoss, rt: Runtime, o: { webhookUrl?: string; consoleUrl?: string; retry?: DeliveryRetry }, pollingIntervalSeconds: number) {
  await ensureAlertQueue(boss, o.retry);
  if (o.webhookUrl) await registerAlertDelivery(boss, { prisma: rt.prisma, url: o.webhookUrl, ...(o.consoleUrl ? { consoleUrl: o.consoleUrl } : {}) }, { pollingIntervalSeconds });
  const deps = {
    prisma: rt.prisma, odoo: rt.odoo, mailchimp: rt.mailchimp.withPriority("live"), log: rt.log,
    ...(rt.webhookUrl ? { webhookUrl: rt.webhookUrl } : {}),
    ...(o.webhookUrl ? { notify: bossAlertNotifier(boss) } : {}),
  };
  rt.alerts = createAlertHooks(deps);
  await registerAlertCheck(boss, deps, { pollingIntervalSeconds: Math.max(pollingIntervalSeconds, 2) });
  // The integration audit reads whole audiences: at backfill priority, behind runs and consent.
  const auditDeps = { prisma: rt.prisma, odoo: rt.odoo, mailchimp: rt.mailchimp.withPriority("backfill"), ...(rt.webhookUrl ? { webhookUrl: rt.webhookUrl } : {}) };
  await registerAuditJob(boss, auditDeps, { pollingIntervalSeconds: Math.max(pollingIntervalSeconds, 2) });
  return deps;
}

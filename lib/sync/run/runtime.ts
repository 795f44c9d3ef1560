import type { AlertHooks } from "@/lib/alerts/runtime-hooks";
import type { Session } from "@/lib/sync/governor";
import type { Logger } from "pino";
import { DEFAULT_RETRY, type MailchimpClient, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import type { OdooClient } from "@/lib/odoo";
import type { Db } from "./db";
import type { MergeFieldEnsurer } from "./merge-fields";
import type { PlannerPort } from "./planner-port";
import type { RunQueue } from "./queue";

/** Everything a job handler needs, built once per worker process (worker.ts). */
export interface Runtime {
  prisma: Db;
  queue: RunQueue;
  /** Governed client; handlers take a priority view of it per run mode. */
  mailchimp: MailchimpClient;
  odoo: OdooClient;
  planner: PlannerPort;
  mergeFields: MergeFieldEnsurer;
  /** This process' dedicated session: batch ownership locks live on it (see batch-lock.ts). */
  locks: Session;
  log: Logger;
  retry: RetryPolicy;
  poll: PollOptions;
  heartbeatMs: number;
  /** Called once a run has ended (after its commit); the worker wires reconciliation's read-back here. */
  onRunFinished?: (runId: string, status: "succeeded" | "failed") => Promise<void>;
  /** Proactive diagnosis before each run and alert evaluation after it (lib/alerts); unset: no alerts. */
  alerts?: AlertHooks;
  /** Where Mailchimp should deliver audience webhooks; when set, planning registers them (api source off). */
  webhookUrl?: string;
}

export const DEFAULT_RUNTIME_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 6 };
export const DEFAULT_POLL: PollOptions = { intervalMs: 1_000, maxIntervalMs: 15_000, startTimeoutMs: 30 * 60_000, stallMs: 5 * 60_000 };

import type { OdooClient } from "@/lib/odoo";
import type { PlanProgress } from "@/lib/sync/plan/plan-progress";
import type { Db } from "./db";

/** The run as the planner sees it. */
export interface PlanRunContext<P = unknown> {
  prisma: Db;
  odoo: OdooClient;
  policy: P;
  policyVersion: number;
  /** scope: a targeted run (a repair from the Reconciliation page), see lib/sync/plan/plan-run.ts TargetScope. */
  run: { id: string; mode: "full" | "incremental"; dryRun: boolean; scope?: { emails: string[]; partnerIds: number[] } | null };
  cursorFrom: Date | null;
  now?: Date;
  /** Hand each batch to the runtime as soon as it is written (pipelining: sending starts before planning ends). */
  onBatch?: (batchId: string) => Promise<void>;
  firstSeq?: number;
  /** Filled by the planner as it goes; the runtime copies it to sync_runs.progress for the run page. */
  progress?: PlanProgress;
}

export interface PlanRunResult {
  plannedNew: number;
  plannedUpdate: number;
  unchanged: number;
  excluded: number;
  exceptions: number;
  cursorTo: Date;
  summary: unknown;
}

/**
 * The planner as the runtime uses it (lib/sync/plan and lib/sync/policy). Injected, so tests can plan by hand
 * and the runtime does not depend on how policies are shaped.
 */
export interface PlannerPort<P = unknown> {
  getActivePolicy(prisma: Db): Promise<{ version: number; policy: P } | null>;
  /** Every audience the policy can route to: set up (merge fields, webhook) before the first batch is sent. */
  audiencesOf(policy: P): string[];
  /** Writes pending sync_batches rows for the run (and planning exceptions); the runtime dispatches them. */
  planRun(ctx: PlanRunContext<P>): Promise<PlanRunResult>;
}

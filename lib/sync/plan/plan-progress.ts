/**
 * How far planning has got, for the run page's progress bars: which stage it is in, how many partners it has
 * read, of how many (counted beside the read, so the count never delays the first page), and when each stage
 * began. A plain mutable object: the planner writes it, the worker copies it to sync_runs.progress about once a
 * second. Sending and checking /batches need no reporting of their own: sync_batches says how far they are.
 */
export type PlanStageName = "reading" | "planning" | "planned";

export interface PlanProgress {
  stage: PlanStageName;
  partnersRead: number;
  /** null until Odoo has answered the count (or when it could not). */
  partnersTotal: number | null;
  /** ISO times each stage began. */
  readingAt?: string;
  planningAt?: string;
  plannedAt?: string;
}

export function startPlanProgress(now: Date): PlanProgress {
  return { stage: "reading", partnersRead: 0, partnersTotal: null, readingAt: now.toISOString() };
}

export function enterPlanStage(progress: PlanProgress, stage: "planning" | "planned", now: Date): void {
  progress.stage = stage;
  progress[`${stage}At`] = now.toISOString();
}

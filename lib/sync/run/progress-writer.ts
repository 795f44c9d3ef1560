import type { Logger } from "pino";
import type { PlanProgress } from "@/lib/sync/plan/plan-progress";
import type { Db } from "./db";

/** Often enough for a bar that moves, rare enough to be nothing beside planning's own writes. */
export const PROGRESS_EVERY_MS = 1_000;

/**
 * Copies the planner's live progress to sync_runs.progress when it has changed, about once a second, and once
 * more when stopped so the run page ends on the final numbers. A failed write is logged and tried again on the
 * next tick: progress is for people watching, never a reason to fail a run.
 */
export function startProgressWriter(prisma: Db, runId: string, progress: PlanProgress, log: Logger, everyMs = PROGRESS_EVERY_MS): () => Promise<void> {
  let written = "";
  const write = async () => {
    const now = JSON.stringify(progress);
    if (now === written) return;
    try {
      await prisma.syncRun.update({ where: { id: runId }, data: { progress: JSON.parse(now) as object } });
      written = now;
    } catch (err) {
      log.warn({ err, runId }, "run progress write failed");
    }
  };
  const timer = setInterval(() => void write(), everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}

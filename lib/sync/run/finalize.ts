import { addCommerceStepIfDue } from "@/lib/commerce/run-step";
import { writeCursor } from "./cursor";
import { lockRun, type Tx } from "./db";

export type FinalStatus = "succeeded" | "failed";

/**
 * Call with the run row locked (lockRun) after a batch changed state. When no batch is pending or running,
 * the run ends: failed if a batch failed for good (record-level refusals do not count), else succeeded,
 * and then the Odoo cursor moves to where planning started. A run whose policy enables commerce first gets its
 * 'commerce' batch (lib/commerce/run-step.ts), and ends when that batch does.
 */
export async function finalizeIfDone(tx: Tx, runId: string, now = new Date()): Promise<FinalStatus | null> {
  const run = await lockRun(tx, runId);
  if (!run || (run.status !== "running" && run.status !== "paused")) return null;
  const rows = await tx.$queryRaw<Array<{ open: number; failed: number; errors: string | null }>>`
    SELECT count(*) FILTER (WHERE status IN ('pending', 'running'))::int AS open,
           count(*) FILTER (WHERE status = 'failed')::int AS failed,
           string_agg('batch ' || seq || ': ' || coalesce(error, 'failed'), '; ' ORDER BY seq) FILTER (WHERE status = 'failed') AS errors
    FROM sync_batches WHERE run_id = ${runId}::uuid`;
  const tally = rows[0];
  if (!tally || tally.open > 0) return null;
  const status: FinalStatus = tally.failed > 0 ? "failed" : "succeeded";
  // Members done: the e-commerce step (lib/commerce) runs before the run may end; the caller dispatches it.
  if (status === "succeeded" && (await addCommerceStepIfDue(tx, runId))) return null;
  await tx.syncRun.update({
    where: { id: runId },
    data: { status, finishedAt: now, heartbeatAt: now, ...(status === "failed" ? { error: tally.errors } : {}) },
  });
  if (status === "succeeded" && !run.dryRun && run.cursorTo) await writeCursor(tx, run.cursorTo);
  return status;
}

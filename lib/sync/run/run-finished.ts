import type { FinalStatus } from "./finalize";
import type { Runtime } from "./runtime";

/**
 * Tells the runtime's listener (reconciliation reads Mailchimp back after full and repair runs) that a run
 * ended. After the commit, and never able to fail the batch that ended the run: a listener's error is logged.
 */
export async function notifyRunFinished(rt: Runtime, runId: string, status: FinalStatus | null): Promise<void> {
  if (!status) return;
  await rt.alerts?.afterRun(runId);
  if (!rt.onRunFinished) return;
  try {
    await rt.onRunFinished(runId, status);
  } catch (err) {
    rt.log.warn({ err, runId }, "the run-finished listener failed");
  }
}

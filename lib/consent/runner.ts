import { logger } from "@/lib/logger";
import { processWebhookEvents, type ProcessSummary } from "./process/process-events";
import type { ConsentDeps } from "./types";
import { applyWritebacks, type WritebackSummary } from "./writeback/apply-writebacks";

export interface ConsentJobResult {
  events: ProcessSummary;
  writebacks: WritebackSummary;
}

/**
 * One pass of consent flow-back: stored events -> write-back rows -> Odoo. Everything it needs is in Postgres,
 * so a queue (pg-boss) can run it as a job on any worker, as often as it likes, concurrently.
 */
export async function runConsentJob(
  deps: ConsentDeps,
  opts: { eventLimit?: number; writebackLimit?: number; approvalThreshold?: number } = {},
): Promise<ConsentJobResult> {
  const current = deps.loadSettings ? { ...deps, settings: { ...deps.settings, ...(await deps.loadSettings()) } } : deps;
  const events = await processWebhookEvents(current, { limit: opts.eventLimit });
  const writebacks = await applyWritebacks(current, { limit: opts.writebackLimit, approvalThreshold: opts.approvalThreshold });
  return { events, writebacks };
}

/**
 * A worker loop around runConsentJob: passes back to back while there is work, a pause when idle, until
 * `signal` aborts. Errors are logged and the loop continues after the pause (Postgres or Odoo may come back).
 */
export async function runConsentProcessor(
  deps: ConsentDeps,
  opts: { signal: AbortSignal; idleMs?: number; onPass?: (r: ConsentJobResult) => void },
): Promise<void> {
  const idleMs = opts.idleMs ?? 5_000;
  while (!opts.signal.aborted) {
    let busy = false;
    try {
      const result = await runConsentJob(deps);
      opts.onPass?.(result);
      busy = result.events.claimed > 0 || result.writebacks.attempted > 0;
    } catch (error) {
      logger.error({ err: error }, "consent processor pass failed");
    }
    if (!busy) await pause(idleMs, opts.signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

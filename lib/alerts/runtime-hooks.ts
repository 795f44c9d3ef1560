import { blockingMessage, diagnose, evaluateRunHealth, evaluateStores, type AlertDeps } from "./evaluate-alerts";

/** What the sync runtime calls (lib/sync/run/runtime.ts: Runtime.alerts). */
export interface AlertHooks {
  /** Diagnosis (of the active policy) before a run plans or writes anything; a message (Odoo drift, a routed audience missing): the run must fail with it. */
  beforeRun(): Promise<string | null>;
  /** After a run ended (or failed before sending): run health. Never throws. */
  afterRun(runId: string): Promise<void>;
}

export function createAlertHooks(deps: AlertDeps): AlertHooks {
  return {
    async beforeRun() {
      const { blocking } = await diagnose(deps);
      return blocking.length > 0 ? blockingMessage(blocking) : null;
    },
    async afterRun(runId) {
      try {
        // A run registers or repairs every audience's webhook after its own pre-run diagnosis: look again, so a
        // webhook the run itself fixed (a first install, a restarted demo with a new secret) does not stay alerted.
        await diagnose(deps);
        await evaluateRunHealth(deps);
        await evaluateStores(deps);
      } catch (err) {
        deps.log.warn({ err, runId }, "alert evaluation after the run failed");
      }
    },
  };
}

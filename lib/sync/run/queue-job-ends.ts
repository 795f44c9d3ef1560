import { createRequire } from "node:module";
import { logger } from "@/lib/logger";

/**
 * pg-boss 10 records a job's end without awaiting it (src/manager.js watch(): `this.complete(...)` and
 * `this.fail(...)` inside a try that cannot catch them). When the database goes away under a running job, that write
 * rejects with nobody listening: Node ends a worker process for it, and Next logs "unhandledRejection" in the demo's
 * console. The rejection is expected then and harmless here: the job stays active, and a live worker hands it on
 * (liveness/hand-off-jobs.ts: claimed or unclaimed) or pg-boss's expiry retries it; a finished batch is skipped.
 *
 * So the two methods get a handler attached to the promise they return, which logs; the promise itself is
 * returned unchanged, so a caller that awaits it still sees the error. Applied once per process, by startBoss.
 */
type Manager = { prototype: Record<"complete" | "fail", (...args: unknown[]) => Promise<unknown>> };
let applied = false;

export function reportUnawaitedJobEnds(): void {
  if (applied) return;
  applied = true;
  const manager = createRequire(import.meta.url)("pg-boss/src/manager.js") as Manager;
  for (const method of ["complete", "fail"] as const) {
    const original = manager.prototype[method];
    manager.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      result.catch((err: unknown) => {
        logger.warn({ err: err instanceof Error ? err.message : String(err), queue: args[0] }, `the queue could not record a job's end (${method}); the job is handed on or retried`);
      });
      return result;
    };
  }
}

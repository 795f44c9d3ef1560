import type { Logger } from "pino";

/**
 * pg-boss 10 records a job's end without awaiting it (manager.js watch(): `this.complete(...)`, `this.fail(...)`),
 * so when the database goes away under a running job that write rejects with nobody to catch it, and Node ends the
 * process. Those rejections are expected during an outage and harmless here: the job is either handed on (its
 * claim outlives the worker session) or redone when it expires, and a finished batch is skipped. This handler
 * logs them as what they are; any other unhandled rejection still ends the process, after saying why.
 */
export function guardQueueRejections(log: Logger): void {
  process.on("unhandledRejection", (reason) => {
    if (isQueueCompletionFailure(reason)) {
      log.warn({ err: reason instanceof Error ? reason.message : String(reason) }, "the queue could not record a job's end (database unavailable); the job is handed on or redone");
      return;
    }
    log.fatal({ err: reason }, "unhandled rejection");
    process.exit(1);
  });
}

export function isQueueCompletionFailure(reason: unknown): boolean {
  const stack = reason instanceof Error ? (reason.stack ?? "") : "";
  return /pg-boss[\\/]src[\\/]manager\.js/.test(stack) && /at async Manager\.(complete|fail) /.test(stack);
}

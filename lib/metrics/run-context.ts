import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<string>();

/** Runs fn with `runId` as the run every Mailchimp call inside it (however deep) is counted for. */
export function withRunContext<T>(runId: string | undefined, fn: () => Promise<T>): Promise<T> {
  return runId ? current.run(runId, fn) : fn();
}

/** The run the code now running works for, if any (a consent poll or a read-back works for none). */
export const currentRunId = (): string | undefined => current.getStore();

import { fullJitterDelay, realSleep, type BackoffPolicy } from "./backoff";
import { OdooTransientError, type OdooError } from "./errors";

export interface RetryHooks {
  policy: BackoffPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: OdooError }) => void;
  /** Drops the cached login; called once, right away, when the server says the session expired. */
  forgetSession: () => void;
}

/**
 * Retries OdooTransientError with full-jitter backoff up to policy.maxAttempts. Calls that must not run twice
 * (`idempotent: false`) are not retried after ambiguous failures, where the server may already have committed.
 */
export async function retryTransient<T>(hooks: RetryHooks, idempotent: boolean, fn: () => Promise<T>): Promise<T> {
  let reauthenticated = false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof OdooTransientError)) throw err;
      if (err.sessionExpired && !reauthenticated) {
        // One fresh login, immediately; a second expiry in a row goes through backoff like any transient error.
        reauthenticated = true;
        hooks.forgetSession();
        attempt--;
        continue;
      }
      if ((err.ambiguous && !idempotent) || attempt + 1 >= hooks.policy.maxAttempts) throw err;
      const delayMs = fullJitterDelay(hooks.policy, attempt, hooks.random);
      hooks.onRetry?.({ attempt: attempt + 1, delayMs, error: err });
      await (hooks.sleep ?? realSleep)(delayMs);
    }
  }
}

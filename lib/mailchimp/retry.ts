import { classifyMailchimpError } from "./classify";
import type { MailchimpError } from "./errors";

export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: MailchimpError }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn, retrying throttle and transient failures with exponential backoff and full jitter
 * (uniform in [0, min(max, base * 2^n))). Permanent kinds are thrown at once: retrying a compliance
 * or invalid-email error cannot succeed and only burns the 10-connection budget.
 */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const error = classifyMailchimpError(err);
      if (!error.retryable || attempt + 1 >= policy.maxAttempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const delayMs = Math.floor((policy.random ?? Math.random)() * ceiling);
      policy.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await (policy.sleep ?? sleepFor)(delayMs);
    }
  }
}

/** Exponential backoff with full jitter: sleep a uniform random time in [0, min(cap, base * 2^attempt)). */
export interface BackoffPolicy {
  /** Total tries including the first; 1 disables retries. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

/** `attempt` counts retries already made, from 0. `random` is injectable so tests are deterministic. */
export function fullJitterDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Mailchimp retries a failed delivery over roughly 75 minutes. Expressed in units of --webhook-retry-ms
// (default one minute): waits of 1, 2, 4, 8, 20 and 40 units add up to 75.

export const RETRY_UNITS = [1, 2, 4, 8, 20, 40];

export function retryDelayMs(attempt: number, unitMs: number): number | null {
  const units = RETRY_UNITS[attempt];
  return units === undefined ? null : units * unitMs;
}

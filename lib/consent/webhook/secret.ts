import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time comparison of the URL token with MAILCHIMP_WEBHOOK_SECRET. Both sides are hashed first so the
 * comparison does not leak the secret's length either.
 */
export function secretMatches(expected: string | undefined, given: string): boolean {
  if (expected === undefined || expected === "") return false;
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}

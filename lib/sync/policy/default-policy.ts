import { parsePolicy } from "./parse-policy";
import type { Policy } from "./schema";

/**
 * Safe until someone decides otherwise: new members are "transactional" (no marketing consent is assumed),
 * and with no routing rules every eligible contact becomes a no_route exception rather than a guess.
 */
export function defaultPolicy(): Policy {
  return parsePolicy({});
}

import { DEFAULT_APPROVAL_THRESHOLD } from "../types";

export interface ConsentChange {
  email: string;
}

/**
 * A batch of consent changes touching more than `threshold` distinct people waits for an admin: a mass
 * unsubscribe is more often a mistake (a wrong segment, an import gone wrong) than a thousand decisions.
 */
export function needsApproval(changes: readonly ConsentChange[], threshold: number = DEFAULT_APPROVAL_THRESHOLD): boolean {
  return new Set(changes.map((c) => c.email)).size > threshold;
}

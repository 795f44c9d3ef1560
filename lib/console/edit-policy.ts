import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { parsePolicy, PolicyValidationError, savePolicy } from "@/lib/sync/policy";
import { countMembersDropped, needsDropConfirmation, type PolicyDrop } from "./policy-drop";

export const savePolicyInput = z.object({
  policyJson: z.string().min(2).max(200_000),
  comment: z.string().trim().max(500).optional(),
  /** The number of dropped members the admin was shown and accepted; needed when the change drops many. */
  confirmDrop: z.number().int().min(0).optional(),
});

export type SavePolicyOutcome = { version: number } | { version: null; confirm: PolicyDrop };

/**
 * Saves an admin's edited policy as a new version; invalid JSON or policy comes back with the bad paths. A
 * policy that would route a large share of today's members nowhere is not saved until the admin confirms the
 * count (lib/console/policy-drop.ts).
 */
export async function savePolicyFromConsole(input: z.output<typeof savePolicyInput>, actor: SignedInUser): Promise<SavePolicyOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.policyJson);
  } catch (error) {
    throw new ApiError(422, "invalid_json", `Not valid JSON: ${(error as Error).message}`);
  }
  try {
    const drop = await countMembersDropped(getPrisma(), parsePolicy(parsed));
    if (needsDropConfirmation(drop) && input.confirmDrop !== drop.dropped) return { version: null, confirm: drop };
    const version = await savePolicy(getPrisma(), parsed, { actorId: actor.id, comment: input.comment || undefined });
    return { version };
  } catch (error) {
    if (error instanceof PolicyValidationError) {
      throw new ApiError(422, "invalid_policy", error.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
    }
    throw error;
  }
}

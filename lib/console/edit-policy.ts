import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { PolicyValidationError, savePolicy } from "@/lib/sync/policy";

export const savePolicyInput = z.object({
  policyJson: z.string().min(2).max(200_000),
  comment: z.string().trim().max(500).optional(),
});

/** Saves an admin's edited policy as a new version; invalid JSON or policy comes back with the bad paths. */
export async function savePolicyFromConsole(input: z.output<typeof savePolicyInput>, actor: SignedInUser) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.policyJson);
  } catch (error) {
    throw new ApiError(422, "invalid_json", `Not valid JSON: ${(error as Error).message}`);
  }
  try {
    const version = await savePolicy(getPrisma(), parsed, { actorId: actor.id, comment: input.comment || undefined });
    return { version };
  } catch (error) {
    if (error instanceof PolicyValidationError) {
      throw new ApiError(422, "invalid_policy", error.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
    }
    throw error;
  }
}

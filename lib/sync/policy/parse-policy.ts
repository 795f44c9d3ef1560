import type { z } from "zod";
import { policySchema, type Policy } from "./schema";

/** A policy that does not validate; `issues` name the bad paths (e.g. "routing.rules.0.audienceId"). */
export class PolicyValidationError extends Error {
  override name = "PolicyValidationError";
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid policy:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
}

export function formatIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(policy)", message: i.message }));
}

/** Validates unknown input (a file, a form, a jsonb column) into a complete Policy with defaults applied. */
export function parsePolicy(input: unknown): Policy {
  const parsed = policySchema.safeParse(input);
  if (!parsed.success) throw new PolicyValidationError(formatIssues(parsed.error));
  return parsed.data;
}

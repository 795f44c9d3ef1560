import { z } from "zod";

/** sync_runs.scope of a targeted run: who a repair re-plans (lib/sync/plan/plan-run.ts TargetScope). */
export const runScopeSchema = z.object({
  emails: z.array(z.string().min(1)).max(10_000),
  partnerIds: z.array(z.number().int().positive()).max(10_000),
  /** Why the run exists, e.g. "repair missing (3 records)": shown on the runs page. */
  reason: z.string().max(200),
});

export type RunScope = z.infer<typeof runScopeSchema>;

/** Null for a whole run; a stored scope that does not parse is a bug, so it throws rather than widening the run. */
export function parseRunScope(value: unknown): RunScope | null {
  return value === null || value === undefined ? null : runScopeSchema.parse(value);
}

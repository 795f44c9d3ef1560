/** A plan that cannot start or continue for a reason an operator must fix (not a bug, not a transient). */
export type PlanErrorCode = "field_missing" | "field_not_boolean";

export class PlanError extends Error {
  override name = "PlanError";
  constructor(
    readonly code: PlanErrorCode,
    /** "model.field" names. */
    readonly fields: string[],
    message: string,
  ) {
    super(message);
  }
}

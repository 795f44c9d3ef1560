import type { FieldError } from "../http/problem.js";
import type { MergeField } from "../core/types.js";
import { mergeValueError } from "./merge-value-rules.js";

// Checks a member's merge_fields against the audience's merge-field definitions.
// `incoming` is what the request sent; `resulting` is the member after the write (for required checks).

export function validateMergeFields(
  fields: MergeField[],
  incoming: Record<string, unknown>,
  resulting: Record<string, unknown>,
  skipMergeValidation: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const byTag = new Map(fields.map((f) => [f.tag, f]));
  for (const [tag, value] of Object.entries(incoming)) {
    const field = byTag.get(tag);
    if (!field) {
      if (!skipMergeValidation) errors.push({ field: tag, message: "This merge field does not exist in this audience." });
      continue;
    }
    if (isBlank(value)) continue;
    const message = mergeValueError(field, value);
    if (message) errors.push({ field: tag, message });
  }
  if (!skipMergeValidation) {
    for (const field of fields) {
      if (field.required && isBlank(resulting[field.tag])) errors.push({ field: field.tag, message: "Please enter a value" });
    }
  }
  return errors;
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

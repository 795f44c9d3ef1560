/** One difference between two policies, by path as the JSON writes it (routing.rules.1.audienceId). */
export interface PolicyChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalarList = (v: unknown) => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));

/**
 * What saving `after` over `before` changes. Both should be complete policies (defaults applied, parsePolicy),
 * so a default spelled out is no change. Lists of plain values (company ids, tags) compare whole; lists of
 * objects (routing rules) item by item, so a moved rule shows where the order changed.
 */
export function diffPolicies(before: unknown, after: unknown, path = ""): PolicyChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPolicies(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && !(isScalarList(before) && isScalarList(after))) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => diffPolicies(before[i], after[i], `${path}.${i}`)).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before === undefined) return [{ path, kind: "added", after }];
  if (after === undefined) return [{ path, kind: "removed", before }];
  return [{ path, kind: "changed", before, after }];
}

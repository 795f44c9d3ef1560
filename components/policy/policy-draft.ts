/**
 * The policy being edited is its JSON text (what the JSON tab shows and the server validates); the form reads
 * that object and writes one path of it at a time.
 */
export type Draft = Record<string, unknown>;
export type SetPath = (path: (string | number)[], value: unknown) => void;

export function readPath(obj: unknown, path: (string | number)[]): unknown {
  let at: unknown = obj;
  for (const key of path) at = at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}

/** A copy with `value` at `path` (undefined removes the key), creating the objects on the way. */
export function writePath(obj: Draft, path: (string | number)[], value: unknown): Draft {
  const copy = structuredClone(obj);
  let at: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    const next = at[key];
    if (next === null || typeof next !== "object") at[key] = typeof path[i + 1] === "number" ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

/** "1, 2" -> [1, 2]; blank -> undefined (the key is left out). Not-a-number stays text for the schema to refuse. */
export function parseList(text: string, numbers: boolean): (string | number)[] | undefined {
  const parts = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  return numbers ? parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : parts;
}

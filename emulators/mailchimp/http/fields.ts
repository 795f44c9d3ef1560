// fields / exclude_fields: comma lists of dotted paths; arrays are traversed transparently (members.email_address).

type Json = unknown;

export function applyFieldSelection(body: Json, fields: string | null, exclude: string | null): Json {
  let out = body;
  if (fields) out = pick(out, fields.split(",").map((f) => f.trim().split(".")));
  if (exclude) for (const path of exclude.split(",")) out = drop(out, path.trim().split("."));
  return out;
}

function pick(value: Json, paths: string[][]): Json {
  if (Array.isArray(value)) return value.map((item) => pick(item, paths));
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, Json>;
  const out: Record<string, Json> = {};
  const byHead = new Map<string, string[][]>();
  for (const path of paths) {
    const [head, ...rest] = path;
    if (!head || !(head in source)) continue;
    const list = byHead.get(head) ?? [];
    list.push(rest);
    byHead.set(head, list);
  }
  for (const [head, rests] of byHead) {
    out[head] = rests.some((r) => r.length === 0) ? source[head] : pick(source[head], rests);
  }
  return out;
}

function drop(value: Json, path: string[]): Json {
  if (Array.isArray(value)) return value.map((item) => drop(item, path));
  if (value === null || typeof value !== "object") return value;
  const [head, ...rest] = path;
  if (!head) return value;
  const copy = { ...(value as Record<string, Json>) };
  if (!(head in copy)) return copy;
  if (rest.length === 0) delete copy[head];
  else copy[head] = drop(copy[head], rest);
  return copy;
}

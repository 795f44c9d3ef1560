/**
 * Mailchimp sends PHP-style form keys (data[merges][EMAIL]). This turns them into a nested plain object so the
 * zod schema can check the shape. Keys that could reach Object.prototype are dropped, not interpreted.
 */
export type FormTree = { [key: string]: string | FormTree };

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);
const MAX_DEPTH = 4;

export function splitKey(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return null;
  const head = match[1] as string;
  const rest = [...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] as string);
  const parts = [head, ...rest];
  if (parts.length > MAX_DEPTH || parts.some((p) => p === "" || FORBIDDEN.has(p))) return null;
  return parts;
}

export function formToTree(params: URLSearchParams): FormTree {
  const root: FormTree = {};
  for (const [key, value] of params) {
    const parts = splitKey(key);
    if (!parts) continue;
    let node = root;
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1) {
        // A scalar never replaces a branch (or the reverse): the first shape seen wins.
        if (node[part] === undefined) node[part] = value;
        break;
      }
      const next = node[part];
      if (typeof next === "string") break;
      node = next ?? (node[part] = {});
    }
  }
  return root;
}

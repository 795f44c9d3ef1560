// Odoo error messages embed Python reprs of values (leaves, field names); reproducing
// them keeps message text identical for clients that match on it.
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "string") return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  return String(v);
}

/** Domain leaves are tuples once normalized by Odoo, so they print with parentheses. */
export function leafRepr(leaf: unknown[]): string {
  return `(${leaf.map(pyRepr).join(", ")})`;
}

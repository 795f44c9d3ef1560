/**
 * Odoo answers `false` for every empty field, strings included, and writes datetimes as naive UTC strings.
 * These helpers turn that into null / Date at the boundary so the rest of the code never sees `false` as a string.
 */

export interface Many2one {
  id: number;
  name: string;
}

/** `false` (Odoo's "empty") becomes null; every other value passes through. */
export function nullIfFalse<T>(value: T | false | null | undefined): T | null {
  return value === false || value === undefined ? null : value;
}

/** Text fields: false, null and "" all mean "no value". */
export function odooString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** many2one is `[id, "display name"]` or false; some versions send a bare id when the name is unreadable. */
export function many2one(value: unknown): Many2one | null {
  if (Array.isArray(value) && typeof value[0] === "number") {
    return { id: value[0], name: typeof value[1] === "string" ? value[1] : "" };
  }
  if (typeof value === "number") return { id: value, name: "" };
  return null;
}

/** one2many / many2many: list of ids, or false when the field is empty in older versions. */
export function x2many(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD HH:MM:SS" (UTC, no zone) -> Date; false/empty -> null. Throws on anything else. */
export function parseOdooDatetime(value: unknown): Date | null {
  if (value === false || value === null || value === undefined || value === "") return null;
  const m = typeof value === "string" ? DATETIME.exec(value) : null;
  if (!m) throw new TypeError(`Not an Odoo datetime: ${JSON.stringify(value)}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** Date -> "YYYY-MM-DD HH:MM:SS" in UTC; sub-second precision is dropped as Odoo stores seconds. */
export function formatOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** "YYYY-MM-DD" -> Date at UTC midnight; false/empty -> null. */
export function parseOdooDate(value: unknown): Date | null {
  if (value === false || value === null || value === undefined || value === "") return null;
  const m = typeof value === "string" ? DATE.exec(value) : null;
  if (!m) throw new TypeError(`Not an Odoo date: ${JSON.stringify(value)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function formatOdooDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

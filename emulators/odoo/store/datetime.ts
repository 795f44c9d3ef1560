// Odoo datetimes are naive UTC strings "YYYY-MM-DD HH:MM:SS"; we keep epoch seconds.
import { valueError } from "../errors.js";

export function formatDatetime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ");
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
/** What PostgreSQL accepts in a domain comparison: ISO with T, fractions and zones ignored. */
const LENIENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function toSeconds(m: RegExpMatchArray): number {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

/** Strict parse used on write: Odoo's Datetime.to_datetime takes only these two shapes. */
export function parseDatetimeStrict(value: string): number {
  const m = value.match(DATETIME) ?? value.match(DATE);
  if (!m) throw valueError(`time data ${JSON.stringify(value).replace(/"/g, "'")} does not match format '%Y-%m-%d %H:%M:%S'`);
  return toSeconds(m);
}

export function parseDatetimeLenient(value: string): number | undefined {
  const m = value.match(LENIENT);
  return m ? toSeconds(m) : undefined;
}

export function parseDateStrict(value: string): string {
  const m = value.match(DATE) ?? value.match(DATETIME);
  if (!m) throw valueError(`time data '${value}' does not match format '%Y-%m-%d'`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

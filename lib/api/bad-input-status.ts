/**
 * Database errors that mean "the caller sent something that cannot exist", not "we are broken": an id out of
 * range for its column (22003), a NUL byte (22021), a malformed uuid (22P02), a record that is not there (P2025), or
 * one that a new row would refer to but is not there (P2003, foreign key: a comment on an unknown exception).
 * Entry points answer these 400 or 404 and log them without a stack; everything else stays a 500.
 */
const NOT_FOUND = new Set(["P2001", "P2003", "P2015", "P2018", "P2025"]);
const BAD_INPUT = new Set(["P2000", "P2006", "P2007", "P2009", "P2019", "P2020", "P2023", "P2033"]);
/** SQLSTATE class 22 is "data exception"; 08P01 is what a NUL in a raw query's text produces. */
const BAD_SQLSTATE = /^(22...|08P01)$/;

export function badInputStatus(error: unknown): 400 | 404 | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (typeof code !== "string" || !code.startsWith("P")) return undefined;
  if (NOT_FOUND.has(code)) return 404;
  if (BAD_INPUT.has(code)) return 400;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return typeof sqlState === "string" && BAD_SQLSTATE.test(sqlState) ? 400 : undefined;
}

/** True when any string in a (JSON-like) value holds a NUL character, which Postgres text cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 20 || typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v, depth + 1));
}

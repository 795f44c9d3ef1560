import type { SignedInUser } from "@/lib/auth/authorize";
import type { PageSlug } from "@/lib/auth/roles";

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One table of the console as a CSV download. Who may download it is who may see its page (`page`, the roles
 * table); what rows they get is what that page shows them: each table reads through the page's own loader, with
 * the viewer's role where the page filters by it, and the page's filters from the query string.
 */
export interface CsvTable {
  page: PageSlug;
  columns: string[];
  filename: (q: URLSearchParams) => string;
  /** Refuses a bad or unknown filter before the download starts (an ApiError: 400, 404), when the page would. */
  check?: (q: URLSearchParams) => Promise<void> | void;
  rows: (q: URLSearchParams, user: SignedInUser) => AsyncIterable<CsvCell[]>;
}

/** ISO 8601 in UTC, as a spreadsheet reads it; empty for no date. */
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "");

/** A table from a loader that returns every row at once (the small tables: a page's worth or a few hundred). */
export async function* fromList<T>(load: Promise<T[]>, row: (item: T) => CsvCell[]): AsyncIterable<CsvCell[]> {
  for (const item of await load) yield row(item);
}

/** A table from a loader that yields its rows a page at a time (the tables that grow without bound). */
export async function* eachRow<T>(items: AsyncIterable<T>, row: (item: T) => CsvCell[]): AsyncIterable<CsvCell[]> {
  for await (const item of items) yield row(item);
}

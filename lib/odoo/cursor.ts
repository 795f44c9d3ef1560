import type { OdooClient } from "./client";
import type { CallOptions, OdooDomain, OdooRecord } from "./types";
import { formatOdooDatetime, parseOdooDatetime } from "./values";
import { DEFAULT_PAGE_SIZE } from "./paging";

export interface ChangedSinceOptions extends CallOptions {
  /** Last cursor returned by a previous run; null reads everything. */
  cursor: Date | null;
  /**
   * write_date is the transaction START time, so a long transaction can commit rows older than our cursor
   * after we read. Re-reading this many seconds before the cursor catches them. Default 300.
   */
  overlapSeconds?: number;
  domain?: OdooDomain;
  fields: string[];
  pageSize?: number;
}

export interface ChangedPage<T extends OdooRecord> {
  records: T[];
  /** Max write_date seen so far (never earlier than the input cursor); persist the one from the last page. */
  cursor: Date | null;
}

/**
 * Reads [('write_date','>=',cursor - overlap)] ordered 'write_date asc, id asc', paging by the (write_date, id)
 * keyset, and drops ids already returned in this run (a row edited mid-run shows up again; the next run gets it).
 */
export async function* changedSince<T extends OdooRecord>(
  client: OdooClient,
  model: string,
  opts: ChangedSinceOptions,
): AsyncGenerator<ChangedPage<T>> {
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const fields = [...new Set(["id", "write_date", ...opts.fields])];
  const overlapMs = (opts.overlapSeconds ?? 300) * 1000;
  const since: OdooDomain = opts.cursor ? [["write_date", ">=", formatOdooDatetime(new Date(opts.cursor.getTime() - overlapMs))]] : [];
  const seen = new Set<number>();
  let cursor = opts.cursor;
  let after: { writeDate: string; id: number } | null = null;
  for (;;) {
    const keyset: OdooDomain = after
      ? ["|", ["write_date", ">", after.writeDate], "&", ["write_date", "=", after.writeDate], ["id", ">", after.id]]
      : [];
    const domain = [...since, ...keyset, ...(opts.domain ?? [])];
    const page = await client.searchPage<T>(model, { ...opts, domain, fields, limit: pageSize, order: "write_date asc, id asc" });
    const fresh = page.filter((r) => !seen.has(r.id));
    for (const r of fresh) {
      seen.add(r.id);
      const written = parseOdooDatetime(r.write_date);
      if (written && (cursor === null || written > cursor)) cursor = written;
    }
    if (fresh.length > 0) yield { records: fresh, cursor };
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined || typeof last.write_date !== "string") return;
    after = { writeDate: last.write_date, id: last.id };
  }
}

import type { OdooClient } from "./client";
import type { CallOptions, OdooDomain, OdooRecord } from "./types";

export interface KeysetOptions extends CallOptions {
  domain?: OdooDomain;
  fields: string[];
  /** Rows per request; defaults to 200, small enough for slow Odoo.sh workers. */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 200;

/**
 * Pages by id (order 'id asc', [('id','>',last)]) rather than offset: rows inserted or deleted while we
 * read cannot shift the window, so each row that exists throughout is returned exactly once.
 */
export async function* keysetPages<T extends OdooRecord>(
  client: OdooClient,
  model: string,
  opts: KeysetOptions,
): AsyncGenerator<T[]> {
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  const fields = opts.fields.includes("id") ? opts.fields : ["id", ...opts.fields];
  let lastId = 0;
  for (;;) {
    // Our term goes first: Odoo ANDs top-level terms, so a caller domain using '|' or '!' stays intact.
    const domain: OdooDomain = [["id", ">", lastId], ...(opts.domain ?? [])];
    const page = await client.searchPage<T>(model, { ...opts, domain, fields, limit: pageSize, order: "id asc" });
    if (page.length === 0) return;
    yield page;
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined) return;
    lastId = last.id;
  }
}

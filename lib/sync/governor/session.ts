import type pg from "pg";

/** The subset of a pg session the runtime's lock helpers use. */
export interface Session {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * One dedicated connection shared by the governor, batch ownership and worker presence. pg wants one query at
 * a time per client (overlapping calls are deprecated), and session-lock order matters here anyway: a slot's
 * unlock must reach Postgres before the next look at pg_locks. So calls run strictly in submission order.
 */
export class SerialSession implements Session {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly client: pg.Client) {}

  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const next = this.tail.then(() => this.client.query<R>(text, values));
    this.tail = next.catch(() => undefined);
    return next;
  }
}

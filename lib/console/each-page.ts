/**
 * Every row a keyset loader returns, a page at a time: `load(after)` reads the page after the last row of the
 * previous one (none for the first), in a total order the loader defines. Holds one page; ends on a short page.
 */
export async function* eachPage<T>(load: (after: T | undefined) => Promise<T[]>, pageSize: number): AsyncIterable<T> {
  let after: T | undefined;
  for (;;) {
    const rows = await load(after);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1];
  }
}

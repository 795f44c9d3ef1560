/**
 * Keeps the next page of an async generator in flight while the caller works on the current one, so Odoo
 * prepares page n+1 while we decide and stage page n. At most two pages are held.
 */
export async function* prefetch<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = source.next();
      yield current.value;
    }
  } finally {
    // The caller stopped early: let the page in flight settle (its error, if any, no longer matters to
    // anyone) before closing the source, so no rejection goes unobserved.
    await Promise.allSettled([next]);
    await source.return(undefined);
  }
}

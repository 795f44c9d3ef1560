import { MailchimpError, withRetry, type MailchimpClient, type RetryPolicy } from "@/lib/mailchimp";

/**
 * Mailchimp's PATCH of an order upserts the lines it names by id and keeps every other line (the spec says PATCH
 * replaces promos, and says no such thing of lines; a line has its own DELETE). So a line deleted in Odoo, turned
 * into a section or note, or brought to zero quantity stays in Mailchimp until it is deleted on its own. The PATCH
 * answers with the order as Mailchimp now holds it: every line there that the order we sent does not name is
 * deleted, one request each, and only then does the order's hash count as landed. The lines we sent are in place
 * by then (at least one: an order without a product line is never sent), so Mailchimp never holds an empty order.
 * Reading the lines from the answer, not from what we remember, also removes lines a repair finds there.
 */
export async function removeStaleLines(client: MailchimpClient, retry: RetryPolicy, storeId: string, orderId: string, sent: Array<{ id?: string }>, answer: unknown): Promise<number> {
  const held = (answer as { lines?: Array<{ id?: unknown }> } | null)?.lines;
  if (!Array.isArray(held)) return 0;
  const keep = new Set(sent.map((l) => l.id));
  const stale = held.flatMap((l) => (typeof l.id === "string" && !keep.has(l.id) ? [l.id] : []));
  for (const lineId of stale) {
    try {
      await withRetry(() => client.ecommerce.orders.deleteLine(storeId, orderId, lineId), retry);
    } catch (err) {
      // Already gone (another worker, a person in Mailchimp): its job is done.
      if (!(err instanceof MailchimpError && err.kind === "not_found")) throw err;
    }
  }
  return stale.length;
}

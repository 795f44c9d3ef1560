import type { OdooClient } from "@/lib/odoo";
import { formatOdooDatetime, parseOdooDatetime } from "@/lib/odoo/values";

/** The models whose changes reach Mailchimp: partners, and the orders and invoices behind ORDERS/LASTORDER. */
const WATCHED: { model: string; domain: [string, string, unknown][] }[] = [
  { model: "res.partner", domain: [] },
  { model: "sale.order", domain: [] },
  { model: "account.move", domain: [["move_type", "in", ["out_invoice", "out_refund"]]] },
];

/**
 * The lag: the oldest Odoo change not yet in Mailchimp, i.e. the earliest write_date after the sync cursor (only
 * a successful run moves the cursor, up to where its planning started). One request per model, newest cursor
 * first: null when nothing changed since, undefined when no run ever succeeded (everything is pending).
 * Odoo keeps write_date to the second, so a change in the cursor's own second is not counted (it cannot be told
 * from one the run read; the next incremental run re-reads that second through the policy's overlap anyway).
 */
export async function oldestPendingChange(odoo: OdooClient, cursor: Date | null): Promise<Date | null | undefined> {
  if (!cursor) return undefined;
  const since = formatOdooDatetime(cursor);
  let oldest: Date | null = null;
  for (const w of WATCHED) {
    const [row] = await odoo.searchPage<{ id: number; write_date: string }>(w.model, {
      domain: [...w.domain, ["write_date", ">", since]],
      fields: ["write_date"],
      limit: 1,
      order: "write_date asc",
      activeTest: false,
    });
    const at = row ? parseOdooDatetime(row.write_date) : null;
    if (at && (!oldest || at < oldest)) oldest = at;
  }
  return oldest;
}

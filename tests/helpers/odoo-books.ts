import type { OdooClient } from "@/lib/odoo";

export interface OdooBooks {
  /** Per currency, in cents: the confirmed orders' totals. */
  confirmed: Record<string, number>;
  /** Their posted credit notes, capped at each order's total. */
  refunds: Record<string, number>;
  net: Record<string, number>;
}

/**
 * Odoo's books for the demo business, counted from Odoo itself and not through lib/reconcile, so a test can hold
 * Revenue's Odoo columns against them: confirmed orders (state `sale`) and the posted credit notes naming their order
 * in `invoice_origin` within its company (the demo's generator always sets it; lib/reconcile also follows
 * `reversed_entry_id`, which the demo's credit notes agree with).
 */
export async function odooBooksByCurrency(odoo: OdooClient): Promise<OdooBooks> {
  const orders: { key: string; currency: string; cents: number }[] = [];
  for await (const page of odoo.pages<{ id: number; name: string; company_id: [number, string]; currency_id: [number, string]; amount_total: number }>("sale.order", {
    domain: [["state", "=", "sale"]], fields: ["name", "company_id", "currency_id", "amount_total"], pageSize: 500,
  })) for (const o of page) orders.push({ key: `${o.company_id[0]}:${o.name}`, currency: o.currency_id[1], cents: Math.round(o.amount_total * 100) });
  const credited = new Map<string, number>();
  for await (const page of odoo.pages<{ id: number; company_id: [number, string]; invoice_origin: string | false; amount_total: number }>("account.move", {
    domain: [["move_type", "=", "out_refund"], ["state", "=", "posted"]], fields: ["company_id", "invoice_origin", "amount_total"], pageSize: 500,
  })) {
    for (const m of page) {
      if (!m.invoice_origin) continue;
      const key = `${m.company_id[0]}:${m.invoice_origin}`;
      credited.set(key, (credited.get(key) ?? 0) + Math.round(m.amount_total * 100));
    }
  }
  const books: OdooBooks = { confirmed: {}, refunds: {}, net: {} };
  for (const o of orders) {
    const refund = Math.min(o.cents, credited.get(o.key) ?? 0);
    books.confirmed[o.currency] = (books.confirmed[o.currency] ?? 0) + o.cents;
    books.refunds[o.currency] = (books.refunds[o.currency] ?? 0) + refund;
    books.net[o.currency] = (books.net[o.currency] ?? 0) + o.cents - refund;
  }
  return books;
}

import { many2one, odooString, x2many, type OdooClient, type OdooDomain, type OdooRecord } from "@/lib/odoo";

/** The fields of a customer credit note the commerce sync and the purchase data need. */
export const CREDIT_FIELDS = ["invoice_origin", "reversed_entry_id", "amount_total", "amount_tax", "payment_state", "reversal_move_id"];
export const POSTED_CREDIT_NOTES: OdooDomain = [["move_type", "=", "out_refund"], ["state", "=", "posted"]];

/** "S00001, S00002" -> the order names an invoice_origin names. */
export const originNames = (origin: unknown): string[] => (odooString(origin) ?? "").split(",").map((s) => s.trim()).filter(Boolean);

const chunks = <T>(items: T[], size = 200): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Drops the credit notes that were themselves reversed (payment_state 'reversed', or a posted reversal move):
 * a reversed credit note restores the order's total. Draft and cancelled notes are never read at all.
 */
export async function liveCreditNotes(odoo: OdooClient, moves: OdooRecord[]): Promise<OdooRecord[]> {
  const reversals = [...new Set(moves.flatMap((m) => x2many(m.reversal_move_id)))];
  const posted = new Set<number>();
  for (const ids of chunks(reversals)) for (const r of await odoo.read("account.move", ids, ["state"])) if (r.state === "posted") posted.add(r.id);
  return moves.filter((m) => m.payment_state !== "reversed" && !x2many(m.reversal_move_id).some((id) => posted.has(id)));
}

/** Order name -> refunded cents, for credit notes linked by invoice_origin or through the invoice they reverse. */
export async function refundsByOrderName(odoo: OdooClient, scope: OdooDomain, pageSize: number): Promise<Map<string, number>> {
  const moves: OdooRecord[] = [];
  for await (const page of odoo.pages("account.move", { domain: [...POSTED_CREDIT_NOTES, ...scope], fields: CREDIT_FIELDS, pageSize })) moves.push(...page);
  const live = await liveCreditNotes(odoo, moves);
  const byInvoice = new Map<number, string>();
  const invoiceIds = [...new Set(live.filter((m) => originNames(m.invoice_origin).length === 0).flatMap((m) => many2one(m.reversed_entry_id)?.id ?? []))];
  for (const ids of chunks(invoiceIds)) {
    for (const inv of await odoo.read("account.move", ids, ["invoice_origin"])) {
      const name = originNames(inv.invoice_origin)[0];
      if (name) byInvoice.set(inv.id, name);
    }
  }
  const out = new Map<string, number>();
  for (const m of live) {
    const name = originNames(m.invoice_origin)[0] ?? byInvoice.get(many2one(m.reversed_entry_id)?.id ?? 0);
    if (name) out.set(name, (out.get(name) ?? 0) + Math.round((typeof m.amount_total === "number" ? m.amount_total : 0) * 100));
  }
  return out;
}

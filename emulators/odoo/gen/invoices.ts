// account.move rows: customer invoices from orders, credit notes (full or partial)
// pointing at their invoice via reversed_entry_id, and vendor bills for suppliers.
import { put } from "../data/put.js";
import { type Company, DAY, dateOf, type Gen } from "./context.js";
import { type Line, totals } from "./lines.js";

const seq = new WeakMap<Gen, Map<string, number>>();

function nextName(g: Gen, prefix: string, when: number, company: Company): string {
  let m = seq.get(g);
  if (!m) seq.set(g, (m = new Map()));
  const year = dateOf(when).slice(0, 4);
  const key = `${company.id}/${prefix}/${year}`;
  const n = (m.get(key) ?? 0) + 1;
  m.set(key, n);
  return `${prefix}/${year}/${String(n).padStart(5, "0")}`;
}

export interface MoveInput {
  type: "out_invoice" | "out_refund" | "in_invoice";
  partnerId: number;
  commercialId: number;
  company: Company;
  when: number;
  lines: Line[];
  origin: string | false;
  reversedId?: number;
  posted: boolean;
  paymentState: string;
}

export function createMove(g: Gen, m: MoveInput): number {
  const { untaxed, tax, total } = totals(m.lines);
  const sign = m.type === "out_invoice" ? 1 : -1;
  const prefix = m.type === "out_invoice" ? "INV" : m.type === "out_refund" ? "RINV" : "BILL";
  const residual = !m.posted || m.paymentState === "not_paid" ? total : m.paymentState === "partial" ? total - Math.round(total / 2) : 0;
  const move = put(g.store, "account.move", {
    name: m.posted ? nextName(g, prefix, m.when, m.company) : "/", move_type: m.type, state: m.posted ? "posted" : "draft",
    payment_state: m.posted ? m.paymentState : "not_paid", partner_id: m.partnerId, commercial_partner_id: m.commercialId,
    date: dateOf(m.when), invoice_date: dateOf(m.when), invoice_date_due: dateOf(m.when + 30 * DAY), invoice_origin: m.origin,
    reversed_entry_id: m.reversedId ?? false, company_id: m.company.id, currency_id: m.company.currencyId,
    amount_untaxed: untaxed, amount_tax: tax, amount_total: total, amount_residual: residual,
    amount_untaxed_signed: sign * untaxed, amount_total_signed: sign * total,
    create_date: m.when, write_date: m.when, create_uid: 2, write_uid: 2,
  });
  let sequence = 10;
  for (const l of m.lines) {
    put(g.store, "account.move.line", { move_id: move.id, sequence: sequence++, product_id: l.productId, name: l.name, quantity: l.qty,
      price_unit: l.price, discount: l.discount, price_subtotal: l.subtotal, price_total: l.subtotal + l.tax,
      display_type: l.displayType || "product", create_date: m.when, write_date: m.when, create_uid: 2, write_uid: 2 });
  }
  return move.id;
}

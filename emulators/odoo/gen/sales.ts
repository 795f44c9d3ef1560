// About three orders per partner (or --orders): quotations, confirmed (some locked), cancelled; most
// confirmed orders invoiced, some invoices refunded fully or partly. Then customer ranks.
import { put } from "../data/put.js";
import { type Company, DAY, type Gen, T0 } from "./context.js";
import { createMove } from "./invoices.js";
import { type Line, makeLines, productLine, totals } from "./lines.js";

/** One returned unit of the first product, or a half-price goodwill credit when only one unit was sold. */
function partialRefund(lines: Line[], taxPct: number): Line[] {
  const products = lines.filter((l) => l.displayType === false);
  const first = products[0]!;
  if (products.length > 1 || first.qty > 1) return [productLine(Number(first.productId), first.name, 1, first.price, first.discount, taxPct)];
  return [productLine(Number(first.productId), first.name, 1, Math.floor(first.price / 2), first.discount, taxPct)];
}

/**
 * --orders N (below three per partner): the same sales, drawn the same way, but only N of them (evenly spread) are
 * sale orders; the other confirmed ones are invoiced directly (a posted customer invoice without an order, as many
 * Odoo businesses do), so the same partners buy and the same members load, with fewer orders to sync.
 */
function isOrder(i: number, sales: number, orders: number): boolean {
  return orders >= sales || Math.floor(((i + 1) * orders) / sales) > Math.floor((i * orders) / sales);
}

export function generateSales(g: Gen): void {
  const s = g.store;
  const sales = Math.max(Math.round(g.size * 3), g.orders);
  const confirmed = new Map<number, number>();
  const partners = s.table("res.partner");
  for (let i = 0; i < sales && g.buyers.length > 0; i++) {
    const [partnerId, invoiceId, shippingId] = g.rng.pick(g.buyers);
    const partner = partners.byId.get(partnerId)!;
    const company: Company = typeof partner.company_id === "number" ? g.companies[partner.company_id - 1]! : g.rng.pick(g.companies);
    const when = g.past();
    const r = g.rng.next();
    const state = r < 0.1 ? "draft" : r < 0.18 ? "sent" : r < 0.3 ? "cancel" : "sale";
    const lines = makeLines(g, company.taxPct);
    const t = totals(lines);
    const locked = state === "sale" && g.rng.chance(0.2);
    const userId = g.staffUsers.length ? g.rng.pick(g.staffUsers) : 2;
    const order = !isOrder(i, sales, g.orders) ? null : put(s, "sale.order", {
      name: `S${String(i + 1).padStart(5, "0")}`, state, locked, date_order: when,
      validity_date: false, partner_id: partnerId, partner_invoice_id: invoiceId, partner_shipping_id: shippingId,
      user_id: userId, company_id: company.id, currency_id: company.currencyId,
      amount_untaxed: t.untaxed, amount_tax: t.tax, amount_total: t.total, invoice_ids: [],
      invoice_status: state === "sale" ? "to invoice" : "no", create_date: when, write_date: when, create_uid: 2, write_uid: 2,
    });
    let seq = 10;
    for (const l of order ? lines : []) {
      put(s, "sale.order.line", { order_id: order!.id, sequence: seq++, product_id: l.productId, name: l.name, product_uom_qty: l.qty,
        price_unit: l.price, discount: l.discount, price_subtotal: l.subtotal, price_tax: l.tax, price_total: l.subtotal + l.tax,
        display_type: l.displayType, create_date: when, write_date: when, create_uid: 2, write_uid: 2 });
    }
    if (state !== "sale") continue;
    const commercial = Number(partner.commercial_partner_id);
    confirmed.set(commercial, (confirmed.get(commercial) ?? 0) + 1);
    // Every draw is made for orders and direct sales alike, so both kinds of business get the same later sales.
    const invoiceLater = g.rng.chance(0.15);
    const invDate = invoiceLater ? when : Math.min(T0, when + g.rng.int(0, 20) * DAY);
    const posted = !invoiceLater && !g.rng.chance(0.05);
    const p = invoiceLater ? 0 : g.rng.next();
    const pay = p < 0.6 ? "paid" : p < 0.8 ? "not_paid" : p < 0.9 ? "partial" : "in_payment";
    const refunded = posted && g.rng.chance(0.08);
    const full = refunded && g.rng.chance(0.5);
    const refundDate = refunded ? Math.min(T0, invDate + g.rng.int(1, 30) * DAY) : 0;
    const refundPay = !refunded || full ? "paid" : g.rng.pick(["paid", "not_paid"]);
    // A sale without an order is its invoice: posted at once, so its buyer buys as with the order.
    if (!order) {
      createMove(g, { type: "out_invoice", partnerId: invoiceId, commercialId: commercial, company, when, lines, origin: false, posted: true, paymentState: "paid" });
      continue;
    }
    if (invoiceLater) continue; // confirmed, not invoiced yet
    const invoiceLines = lines;
    const inv = createMove(g, { type: "out_invoice", partnerId: invoiceId, commercialId: commercial, company, when: invDate, lines: invoiceLines, origin: order.name as string, posted, paymentState: pay });
    const invoiceIds = [inv];
    order.invoice_status = "invoiced";
    if (refunded) {
      const refundLines = full ? lines : partialRefund(lines, company.taxPct);
      const refund = createMove(g, { type: "out_refund", partnerId: invoiceId, commercialId: commercial, company, when: refundDate,
        lines: refundLines, origin: order.name as string, reversedId: inv, posted: true, paymentState: refundPay });
      invoiceIds.push(refund);
      if (full) {
        const invRec = s.table("account.move").byId.get(inv)!;
        invRec.payment_state = "reversed";
        invRec.amount_residual = 0;
      }
    }
    order.invoice_ids = invoiceIds;
  }
  for (const [pid, n] of confirmed) partners.byId.get(pid)!.customer_rank = n;
}

export function generateBills(g: Gen): void {
  for (const p of g.store.table("res.partner").rows) {
    if (Number(p.supplier_rank) <= 0 || !p.is_company) continue;
    const company = g.companies[0]!;
    for (let i = g.rng.int(1, 2); i > 0; i--)
      createMove(g, { type: "in_invoice", partnerId: p.id, commercialId: p.id, company, when: g.past(), lines: makeLines(g, company.taxPct), origin: false, posted: true, paymentState: "paid" });
  }
}

/** A few opt-outs: partners' addresses (some re-activated later) and strangers. */
export function generateBlacklist(g: Gen): void {
  const emails = new Set<string>();
  for (const p of g.store.table("res.partner").rows) {
    if (typeof p.email_normalized === "string" && g.rng.chance(0.01)) emails.add(p.email_normalized);
  }
  for (const e of ["unsubscribed@example.com", "bounced.often@gmail.com", "gdpr.request@outlook.com"]) emails.add(e);
  for (const email of emails) {
    const when = g.past(365);
    put(g.store, "mail.blacklist", { email, active: !g.rng.chance(0.1), create_date: when, write_date: when, create_uid: 2, write_uid: 2 });
  }
}

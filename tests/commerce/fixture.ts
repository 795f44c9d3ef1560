/**
 * A small business for the commerce tests: company 1 (USD) and company 2 (EUR), B2C buyers, a B2B company whose
 * order is credited to it, and one order of each kind the issue names. Money in currency units (the emulator
 * stores cents).
 */
const so = (id: number, partner: number, company: number, currency: number, state: string, total: number, tax: number, extra: Record<string, unknown> = {}) => ({
  id, name: `S${String(id).padStart(5, "0")}`, state, locked: false, date_order: `2025-0${id}-02 10:00:00`, partner_id: partner,
  partner_invoice_id: partner, partner_shipping_id: partner, company_id: company, currency_id: currency, amount_untaxed: total - tax,
  amount_tax: tax, amount_total: total, ...extra,
});
const line = (id: number, order: number, product: number | false, qty: number, price: number, discount = 0, displayType: string | false = false) => ({
  id, order_id: order, product_id: product, name: displayType ? `Note ${id}` : `Line ${id}`, product_uom_qty: qty, price_unit: price, discount,
  display_type: displayType,
});
const move = (id: number, type: string, state: string, partner: number, total: number, tax: number, extra: Record<string, unknown> = {}) => ({
  id, move_type: type, state, partner_id: partner, commercial_partner_id: partner, date: "2025-09-01", invoice_date: "2025-09-01", company_id: 1, currency_id: 1,
  amount_untaxed: total - tax, amount_tax: tax, amount_total: total, ...extra,
});

export const COMMERCE_FIXTURE = {
  "res.currency": [{ id: 1, name: "USD", symbol: "$" }, { id: 2, name: "EUR", symbol: "€" }],
  "res.country": [{ id: 1, name: "United States", code: "US" }],
  "res.company": [{ id: 1, name: "Shop North", partner_id: 1, currency_id: 1 }, { id: 2, name: "Shop Europe", partner_id: 2, currency_id: 2 }],
  "res.partner": [
    { id: 1, name: "Shop North", is_company: true, email: "info@shopnorth.io", company_id: 1 },
    { id: 2, name: "Shop Europe", is_company: true, email: "info@shopeurope.io", company_id: 2 },
    { id: 3, name: "OdooBot", email: "odoobot@odoo-bot.io", active: false },
    { id: 4, name: "Ada Admin", email: "ada@shopnorth.io", parent_id: 1, company_id: 1 },
    { id: 100, name: "Ann Archer", email: "ann.archer@buyers.io" },
    { id: 101, name: "Ben Baker", email: "ben.baker@buyers.io" },
    { id: 102, name: "Cleo Cole", email: "cleo.cole@buyers.io" },
    { id: 110, name: "Acme Corp", is_company: true, email: "office@acme-corp.io" },
    { id: 111, name: "Dan Dunn", email: "dan.dunn@acme-corp.io", parent_id: 110, type: "contact" },
    { id: 120, name: "Eve Ellis", email: "eve.ellis@buyers.eu" },
  ],
  "res.users": [{ id: 1, login: "__system__", partner_id: 3, share: false, company_id: 1, active: false }, { id: 2, login: "admin", partner_id: 4, share: false, company_id: 1 }],
  "product.category": [{ id: 1, name: "Mugs" }, { id: 2, name: "Tea" }],
  "product.product": [
    { id: 10, name: "Blue mug", default_code: "MUG-B", list_price: 50, categ_id: 1 },
    { id: 11, name: "Old mug", default_code: "MUG-O", list_price: 80, categ_id: 1, active: false },
    { id: 12, name: "Teapot", default_code: "POT", list_price: 200, categ_id: 2 },
  ],
  "sale.order": [
    // Ann: confirmed, then partly refunded by a credit note naming the order (invoice_origin).
    so(1, 100, 1, 1, "sale", 115, 15),
    // Ben: confirmed and wholly refunded by a credit note that reverses the order's invoice (no origin on it).
    so(2, 101, 1, 1, "sale", 57.5, 7.5, { invoice_ids: [30] }),
    // Ann: cancelled before any sync: never sent.
    so(3, 100, 1, 1, "cancel", 40, 0),
    // Cleo: a quotation never confirmed; her confirmed order follows.
    so(4, 102, 1, 1, "draft", 99, 0),
    so(5, 110, 1, 1, "sale", 180, 0),
    // Eve: the second company, in EUR, an archived product.
    so(6, 120, 2, 2, "sale", 80, 0),
    // Ann: locked (Odoo 17's "done").
    so(7, 100, 1, 1, "sale", 46, 6, { locked: true }),
    so(8, 102, 1, 1, "sale", 50, 0),
  ],
  "sale.order.line": [
    line(1, 1, false, 0, 0, 0, "line_section"),
    line(2, 1, 10, 2, 50),
    line(3, 1, false, 0, 0, 0, "line_note"),
    line(4, 2, 10, 1, 50),
    line(5, 3, 10, 1, 40),
    line(6, 4, 12, 1, 99),
    line(7, 5, 12, 1, 200, 10),
    line(8, 6, 11, 1, 80),
    line(9, 7, 10, 1, 40),
    line(10, 8, 10, 1, 50),
  ],
  "account.move": [
    move(30, "out_invoice", "posted", 101, 57.5, 7.5, { invoice_origin: "S00002" }),
    move(31, "out_refund", "posted", 101, 57.5, 7.5, { reversed_entry_id: 30 }),
    move(32, "out_refund", "posted", 100, 23, 3, { invoice_origin: "S00001" }),
    // Draft and cancelled credit notes count for nothing.
    move(33, "out_refund", "draft", 110, 100, 0, { invoice_origin: "S00005" }),
    move(34, "out_refund", "cancel", 110, 100, 0, { invoice_origin: "S00005" }),
  ],
};

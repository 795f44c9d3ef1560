// sale.order / sale.order.line as in Odoo 17: states draft|sent|sale|cancel plus the
// `locked` flag that replaced state 'done'. Money is integer cents internally.
// A line carries its order's state, customer, company, currency and salesperson as Odoo 17's stored related
// fields (sale_order_line.py: related='order_id.…', store=True), derived here on read so they follow the order.
import { userError } from "../errors.js";
import { bool, char, m2m, m2o, magicFields, money, o2m, sel } from "./common.js";
import type { FieldSpec, ModelSpec } from "./types.js";

const ORDER_STATES = [["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"], ["cancel", "Cancelled"]] as const;

/** A stored related field of sale.order.line: the same field of its order. */
function fromOrder(field: string, spec: Omit<FieldSpec, "compute" | "stored">): FieldSpec {
  return { ...spec, readonly: true, stored: true, compute: (rec, store) => (typeof rec.order_id === "number" ? store.get("sale.order", rec.order_id)?.[field] ?? false : false) };
}

export const saleOrderSpec: ModelSpec = {
  name: "sale.order", description: "Sales Order", order: "date_order desc, id desc",
  fields: {
    ...magicFields("sale.order"),
    name: char("Order Reference", { required: true, readonly: true }),
    state: sel("Status", ORDER_STATES, { default: "draft", readonly: true }),
    locked: bool("Locked", { help: "Locked orders cannot be modified." }),
    date_order: { type: "datetime", string: "Order Date", required: true },
    validity_date: { type: "date", string: "Expiration" },
    partner_id: m2o("res.partner", "Customer", { required: true }),
    partner_invoice_id: m2o("res.partner", "Invoice Address", { required: true }),
    partner_shipping_id: m2o("res.partner", "Delivery Address", { required: true }),
    user_id: m2o("res.users", "Salesperson"),
    company_id: m2o("res.company", "Company", { required: true }),
    currency_id: m2o("res.currency", "Currency", { readonly: true }),
    client_order_ref: char("Customer Reference"),
    amount_untaxed: money("Untaxed Amount", { readonly: true, derived: true }),
    amount_tax: money("Taxes", { readonly: true, derived: true }),
    amount_total: money("Total", { readonly: true, derived: true }),
    order_line: o2m("sale.order.line", "order_id", "Order Lines"),
    invoice_ids: m2m("account.move", "Invoices", { readonly: true }),
    invoice_status: sel("Invoice Status", [["upselling", "Upselling Opportunity"], ["invoiced", "Fully Invoiced"], ["to invoice", "To Invoice"], ["no", "Nothing to Invoice"]], { readonly: true }),
  },
  beforeUnlink: (recs) => {
    if (recs.some((r) => r.state !== "draft" && r.state !== "cancel"))
      throw userError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
  },
};

export const saleOrderLineSpec: ModelSpec = {
  name: "sale.order.line", description: "Sales Order Line", order: "order_id, sequence, id",
  displayName: (rec, store) => `${store.displayName("sale.order", Number(rec.order_id))} - ${String(rec.name ?? "")}`,
  fields: {
    ...magicFields("sale.order.line"),
    order_id: m2o("sale.order", "Order Reference", { required: true }),
    state: fromOrder("state", { type: "selection", string: "Order Status", selection: ORDER_STATES }),
    order_partner_id: fromOrder("partner_id", { type: "many2one", relation: "res.partner", string: "Customer" }),
    company_id: fromOrder("company_id", { type: "many2one", relation: "res.company", string: "Company" }),
    currency_id: fromOrder("currency_id", { type: "many2one", relation: "res.currency", string: "Currency" }),
    salesman_id: fromOrder("user_id", { type: "many2one", relation: "res.users", string: "Salesperson" }),
    sequence: { type: "integer", string: "Sequence", default: 10 },
    product_id: m2o("product.product", "Product"),
    name: { type: "text", string: "Description", required: true },
    product_uom_qty: { type: "float", string: "Quantity", default: 1 },
    price_unit: { type: "float", string: "Unit Price", cents: true, default: 0 },
    discount: { type: "float", string: "Discount (%)", default: 0 },
    price_subtotal: money("Subtotal", { readonly: true, derived: true }),
    price_tax: { type: "float", string: "Total Tax", cents: true, readonly: true, derived: true, default: 0 },
    price_total: money("Total", { readonly: true, derived: true }),
    display_type: sel("Display Type", [["line_section", "Section"], ["line_note", "Note"]]),
  },
  // Odoo 17 _unlink_except_confirmed: a confirmed order's product lines stay (set the quantity to 0 instead);
  // sections and notes may go. A line leaves a confirmed order only through cancel, back to quotation, re-confirm.
  beforeUnlink: (recs, store) => {
    if (recs.some((r) => !r.display_type && typeof r.order_id === "number" && store.get("sale.order", r.order_id)?.state === "sale"))
      throw userError("Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\nSet the quantity to 0 instead.");
  },
};

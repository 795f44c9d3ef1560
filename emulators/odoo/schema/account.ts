// account.move (invoices, credit notes, bills) and its lines. amount_total is always
// positive; amount_total_signed carries the direction (negative for customer refunds).
import { userError } from "../errors.js";
import { char, m2o, magicFields, money, o2m, sel } from "./common.js";
import type { ModelSpec } from "./types.js";

const MOVE_TYPES = [["entry", "Journal Entry"], ["out_invoice", "Customer Invoice"], ["out_refund", "Customer Credit Note"],
  ["in_invoice", "Vendor Bill"], ["in_refund", "Vendor Credit Note"], ["out_receipt", "Sales Receipt"], ["in_receipt", "Purchase Receipt"]] as const;
const DRAFT_LABEL: Record<string, string> = { out_invoice: "Draft Invoice", out_refund: "Draft Credit Note", in_invoice: "Draft Bill", in_refund: "Draft Vendor Credit Note", entry: "Draft Entry" };

export const moveSpec: ModelSpec = {
  name: "account.move", description: "Journal Entry", order: "date desc, name desc, id desc",
  displayName: (rec) => (rec.name === "/" ? `${DRAFT_LABEL[String(rec.move_type)] ?? "Draft"} (* ${rec.id})` : String(rec.name)),
  fields: {
    ...magicFields("account.move"),
    name: char("Number", { readonly: true, default: "/" }),
    ref: char("Reference"),
    move_type: sel("Type", MOVE_TYPES, { required: true, readonly: true, default: "entry" }),
    state: sel("Status", [["draft", "Draft"], ["posted", "Posted"], ["cancel", "Cancelled"]], { required: true, readonly: true, default: "draft" }),
    payment_state: sel("Payment Status", [["not_paid", "Not Paid"], ["in_payment", "In Payment"], ["paid", "Paid"], ["partial", "Partially Paid"],
      ["reversed", "Reversed"], ["invoicing_legacy", "Invoicing App Legacy"]], { readonly: true, default: "not_paid" }),
    partner_id: m2o("res.partner", "Partner"),
    commercial_partner_id: m2o("res.partner", "Commercial Entity", { readonly: true }),
    date: { type: "date", string: "Date", required: true },
    invoice_date: { type: "date", string: "Invoice/Bill Date" },
    invoice_date_due: { type: "date", string: "Due Date" },
    invoice_origin: char("Origin", { readonly: true, help: "The document(s) that generated the invoice." }),
    reversed_entry_id: m2o("account.move", "Reversal of", { readonly: true }),
    reversal_move_id: o2m("account.move", "reversed_entry_id", "Reversal Move"),
    company_id: m2o("res.company", "Company", { required: true, readonly: true }),
    currency_id: m2o("res.currency", "Currency", { required: true }),
    amount_untaxed: money("Untaxed Amount", { readonly: true, derived: true }),
    amount_tax: money("Tax", { readonly: true, derived: true }),
    amount_total: money("Total", { readonly: true, derived: true }),
    amount_residual: money("Amount Due", { readonly: true, derived: true }),
    amount_untaxed_signed: money("Untaxed Amount Signed", { readonly: true, derived: true }),
    amount_total_signed: money("Total Signed", { readonly: true, derived: true }),
    invoice_line_ids: o2m("account.move.line", "move_id", "Invoice lines"),
  },
  beforeUnlink: (recs) => {
    if (recs.some((r) => r.state === "posted")) throw userError("You cannot delete an entry which has been posted once.");
  },
};

export const moveLineSpec: ModelSpec = {
  name: "account.move.line", description: "Journal Item", order: "move_id desc, sequence, id",
  fields: {
    ...magicFields("account.move.line"),
    move_id: m2o("account.move", "Journal Entry", { required: true }),
    sequence: { type: "integer", string: "Sequence", default: 10 },
    product_id: m2o("product.product", "Product"),
    name: char("Label"),
    quantity: { type: "float", string: "Quantity", default: 1 },
    price_unit: { type: "float", string: "Unit Price", cents: true, default: 0 },
    discount: { type: "float", string: "Discount (%)", default: 0 },
    price_subtotal: money("Subtotal", { readonly: true, derived: true }),
    price_total: money("Total", { readonly: true, derived: true }),
    display_type: sel("Display Type", [["product", "Product"], ["line_section", "Section"], ["line_note", "Note"]], { default: "product" }),
  },
};

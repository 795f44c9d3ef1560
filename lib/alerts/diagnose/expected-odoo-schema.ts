import type { Policy } from "@/lib/sync/policy";
import { consentFieldOf, MOVE_FIELDS, ORDER_FIELDS, partnerFields } from "@/lib/sync/plan/required-fields";

/**
 * What the engine assumes about each Odoo field it reads: its type and, for the selections it interprets, every
 * value it knows how to treat. A value outside `known` is one the planner would silently file under "other"
 * (a new company_type, a new order state); a value in `relied` that disappears breaks a rule outright.
 */
export interface ExpectedField {
  model: string;
  field: string;
  /** Odoo types the engine reads correctly; undefined: any (a policy rule compares values as they come). */
  types?: readonly string[];
  known?: readonly string[];
  relied?: readonly string[];
  /** Where the engine uses it, for the alert's text. */
  usedFor: string;
}

const TEXT = ["char", "text"];

const BASE: Record<string, Omit<ExpectedField, "model" | "field" | "usedFor"> & { usedFor?: string }> = {
  "res.partner.name": { types: TEXT },
  "res.partner.email": { types: TEXT },
  "res.partner.is_company": { types: ["boolean"] },
  "res.partner.commercial_partner_id": { types: ["many2one"] },
  "res.partner.type": { types: ["selection"], known: ["contact", "invoice", "delivery", "other", "private", "followup"], relied: ["contact"] },
  "res.partner.company_type": { types: ["selection"], known: ["person", "company"], relied: ["person", "company"], usedFor: "B2B/B2C (customer type tag and CUSTTYPE)" },
  "res.partner.supplier_rank": { types: ["integer"] },
  "res.partner.partner_share": { types: ["boolean"] },
  "res.partner.employee": { types: ["boolean"] },
  "res.partner.company_id": { types: ["many2one"] },
  "res.partner.category_id": { types: ["many2many"] },
  "res.partner.active": { types: ["boolean"] },
  "res.partner.lang": { types: ["selection", "char"] },
  "res.partner.country_id": { types: ["many2one"] },
  "res.partner.state_id": { types: ["many2one"] },
  "res.partner.street": { types: TEXT },
  "res.partner.city": { types: TEXT },
  "res.partner.zip": { types: TEXT },
  "res.partner.write_date": { types: ["datetime"] },
  "res.partner.is_blacklisted": { types: ["boolean"] },
  "sale.order.state": { types: ["selection"], known: ["draft", "sent", "sale", "done", "cancel"], relied: ["sale"], usedFor: "who is a buyer (confirmed orders)" },
  "sale.order.partner_id": { types: ["many2one"] },
  "sale.order.company_id": { types: ["many2one"] },
  "sale.order.date_order": { types: ["datetime"] },
  "account.move.move_type": {
    types: ["selection"], known: ["entry", "out_invoice", "out_refund", "in_invoice", "in_refund", "out_receipt", "in_receipt"], relied: ["out_invoice"],
    usedFor: "who is a buyer (posted customer invoices)",
  },
  "account.move.state": { types: ["selection"], known: ["draft", "posted", "cancel"], relied: ["posted"], usedFor: "who is a buyer (posted customer invoices)" },
  "account.move.commercial_partner_id": { types: ["many2one"] },
  "account.move.company_id": { types: ["many2one"] },
  "account.move.invoice_date": { types: ["date"] },
};

/** Every field the active policy makes the engine read, with what it expects of each. */
export function expectedOdooFields(policy: Policy): ExpectedField[] {
  const consent = consentFieldOf(policy);
  const phones = new Set(policy.payload.phoneFields);
  const wanted: Array<[string, string[]]> = [
    ["res.partner", [...partnerFields(policy), "company_type"]],
    ["sale.order", ORDER_FIELDS],
    ["account.move", MOVE_FIELDS],
  ];
  const out: ExpectedField[] = [];
  for (const [model, fields] of wanted) {
    for (const field of new Set(fields)) {
      const base = BASE[`${model}.${field}`];
      const custom =
        field === consent ? { types: ["boolean"], usedFor: "the consent of new members (policy consent.consentField)" }
        : phones.has(field) ? { types: TEXT, usedFor: "the PHONE merge field (policy payload.phoneFields)" }
        : undefined;
      out.push({ model, field, ...(base ?? {}), ...(custom ?? {}), usedFor: custom?.usedFor ?? base?.usedFor ?? (base ? "the sync" : "a policy rule") });
    }
  }
  return out;
}

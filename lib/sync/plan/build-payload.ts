import { purchaseMergeValues } from "@/lib/commerce/purchase-data";
import type { Policy } from "@/lib/sync/policy";
import type { MergeValues, OdooOwnedPayload } from "@/lib/sync/types";
import type { BuyingIndex } from "./buying-index";
import type { PartnerRow } from "./partner-row";
import type { ReferenceData } from "./reference-data";

export interface PayloadFacts {
  customerType: "b2b" | "b2c";
  tags: string[];
}

/**
 * Odoo-owned member data without ODOOID (added once duplicates are merged, see plan/plan-group.ts).
 * Every owned text field is always present ("" when Odoo has nothing) so a value removed in Odoo is cleared
 * in Mailchimp too; the address is all-or-nothing because Mailchimp rejects a partial one.
 */
export function buildPayload(p: PartnerRow, facts: PayloadFacts, policy: Policy, ref: ReferenceData, buying: BuyingIndex): OdooOwnedPayload {
  const person = !p.isCompany;
  const [first, last] = person ? splitName(p.name) : ["", ""];
  const country = p.countryId !== null ? ref.countries.get(p.countryId) : undefined;
  const lastOrder = buying.lastOrderAtSeconds(p.commercialId);
  const merge: MergeValues = {
    FNAME: first,
    LNAME: last,
    COMPANY: facts.customerType === "b2b" ? (p.isCompany ? (p.name ?? "") : p.commercialName) : "",
    PHONE: firstText(policy.payload.phoneFields.map((f) => p.raw[f])),
    COUNTRY: country?.name ?? "",
    CUSTTYPE: facts.customerType,
    ORDERS: buying.orderCount(p.commercialId),
    LASTORDER: lastOrder === null ? "" : new Date(lastOrder * 1000).toISOString().slice(0, 10),
  };
  if (policy.commerce.enabled) Object.assign(merge, purchaseMergeValues(buying.purchasesOf(p.commercialId)));
  if (policy.payload.address && p.street && p.city && p.state && p.zip && country?.code)
    merge.ADDRESS = { addr1: p.street, city: p.city, state: p.state, zip: p.zip, country: country.code };
  const payload: OdooOwnedPayload = { merge_fields: merge, tags: facts.tags };
  const language = policy.payload.language ? mailchimpLanguage(p.lang) : null;
  if (language) payload.language = language;
  return payload;
}

/** Odoo keeps one name field; the first word is the closest thing to a first name it has. */
export function splitName(name: string | null): [string, string] {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return [words[0] ?? "", words.slice(1).join(" ")];
}

function firstText(values: unknown[]): string {
  for (const v of values) if (typeof v === "string" && v.trim() !== "") return v.trim();
  return "";
}

// Mailchimp's language codes are mostly bare ISO 639-1; these regional variants exist there as such.
const REGIONAL = new Set(["fr_CA", "pt_PT", "es_ES"]);

/** Odoo "fr_BE" -> Mailchimp "fr"; "pt_PT" stays regional. */
export function mailchimpLanguage(lang: string | null): string | null {
  if (!lang) return null;
  if (REGIONAL.has(lang)) return lang;
  const base = lang.split(/[_@]/)[0]?.toLowerCase();
  return base && /^[a-z]{2}$/.test(base) ? base : null;
}

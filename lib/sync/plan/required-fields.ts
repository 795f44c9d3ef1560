import type { Policy } from "@/lib/sync/policy";
import { isTagRule } from "@/lib/sync/policy/rule-schema";

/** Fields the planner reads from every partner, whatever the policy says. */
export const PARTNER_BASE_FIELDS = [
  "name", "email", "is_company", "commercial_partner_id", "type", "supplier_rank", "partner_share", "employee",
  "company_id", "category_id", "active", "lang", "country_id", "street", "city", "zip", "write_date",
];

export const ORDER_FIELDS = ["state", "partner_id", "company_id", "date_order"];
export const MOVE_FIELDS = ["move_type", "state", "commercial_partner_id", "company_id", "invoice_date"];

/** Base fields plus every field the policy maps: all must exist or the plan stops (plan/check-fields.ts). */
export function partnerFields(policy: Policy): string[] {
  const fromRules = [...policy.eligibility.include, ...policy.eligibility.exclude].flatMap((r) => (isTagRule(r) ? [] : [r.field]));
  const consent = policy.consent.newMemberStatus === "subscribed_if_consented" && policy.consent.consentField ? [policy.consent.consentField] : [];
  const blacklist = policy.eligibility.excludeBlacklisted ? ["is_blacklisted"] : [];
  const address = policy.payload.address ? ["state_id"] : [];
  return [...new Set([...PARTNER_BASE_FIELDS, ...policy.payload.phoneFields, ...consent, ...blacklist, ...address, ...fromRules])];
}

export function consentFieldOf(policy: Policy): string | null {
  return policy.consent.newMemberStatus === "subscribed_if_consented" ? (policy.consent.consentField ?? null) : null;
}

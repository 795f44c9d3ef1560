import type { ExclusionReason } from "@/lib/sync/types";
import { matchRule } from "./match-rule";
import type { PartnerRow } from "./partner-row";
import type { DecisionContext } from "./plan-context";

/**
 * Why a partner is not a marketing contact, or null when it is one. Order matters and is documented in
 * lib/sync/README.md: hard exclusions (system, company, staff, archived, blacklist) cannot be overridden;
 * exclude rules beat include rules; include rules stand in for buying.
 */
export function exclusionReason(partner: PartnerRow, tagNames: string[], ctx: DecisionContext): ExclusionReason | null {
  const { policy, ref, buying } = ctx;
  if (ref.systemPartnerIds.has(partner.id)) return "system_partner";
  if (ref.companyPartnerIds.has(partner.id)) return "company_record";
  if (ref.staffPartnerIds.has(partner.id) || partner.employee || !partner.partnerShare) return "staff";
  if (!partner.active) return "archived";
  if (policy.eligibility.excludeBlacklisted && partner.blacklisted) return "blacklisted_in_odoo";
  for (const rule of policy.eligibility.exclude)
    if (matchRule(rule, partner, tagNames)) return "tag" in rule ? "excluded_by_tag" : "excluded_by_field";
  const buys = buying.buys(partner.commercialId);
  const supplier = partner.supplierRank > 0;
  if (buys && supplier && !policy.eligibility.supplierThatBuysIsCustomer) return "supplier_only";
  if (buys) return null;
  if (policy.eligibility.include.some((rule) => matchRule(rule, partner, tagNames))) return null;
  return supplier ? "supplier_only" : "not_a_buyer";
}

import type { PartnerRule } from "@/lib/sync/policy";
import { isTagRule } from "@/lib/sync/policy/rule-schema";
import { exclusionReason } from "@/lib/sync/plan/eligibility";
import { matchRule } from "@/lib/sync/plan/match-rule";
import type { PartnerRow } from "@/lib/sync/plan/partner-row";
import type { DecisionContext } from "@/lib/sync/plan/plan-context";
import type { ExclusionReason } from "@/lib/sync/types";
import { EXCLUSION_WORDING } from "./exclusion-wording";
import type { ExplainStep } from "./types";

export interface EligibilityTrace {
  reason: ExclusionReason | null;
  /** The policy rule or setting that decided, in words; null when a fact of Odoo decided alone. */
  rule: string | null;
  /** Why, in words, for this partner. */
  why: string;
  step: ExplainStep;
}

/** A policy rule as people write it: `tag "VIP"`, `ref = "NOMAIL"`, `country_id in [BE, FR]`. */
export function describeRule(rule: PartnerRule): string {
  if (isTagRule(rule)) return `tag "${rule.tag}"`;
  if (rule.value === undefined) return `${rule.field} ${rule.operator}`;
  return `${rule.field} ${rule.operator} ${JSON.stringify(rule.value)}`;
}

/**
 * The planner's eligibility verdict (plan/eligibility.ts decides; nothing here re-decides) with the rule that
 * made it: the first matching exclude or include rule, the policy switch, or the buying that qualified.
 */
export function explainEligibility(p: PartnerRow, tagNames: string[], ctx: DecisionContext): EligibilityTrace {
  const reason = exclusionReason(p, tagNames, ctx);
  const { eligibility } = ctx.policy;
  const buys = ctx.buying.buys(p.commercialId);
  if (reason) {
    let rule: string | null = null;
    if (reason === "excluded_by_tag" || reason === "excluded_by_field") {
      const hit = eligibility.exclude.find((r) => matchRule(r, p, tagNames));
      rule = hit ? `eligibility.exclude: ${describeRule(hit)}` : null;
    } else if (reason === "blacklisted_in_odoo") rule = "eligibility.excludeBlacklisted: true";
    else if (reason === "supplier_only" && buys) rule = "eligibility.supplierThatBuysIsCustomer: false";
    const why = reason !== "supplier_only" ? EXCLUSION_WORDING[reason]
      : buys ? "a supplier that buys, and the policy does not count suppliers that buy as customers"
      : `a supplier (supplier rank ${p.supplierRank}) that never bought: no confirmed order or posted customer invoice`;
    return { reason, rule, why, step: { step: "eligibility", ok: false, text: `Not a marketing contact: ${why}.` } };
  }
  if (buys) {
    const orders = ctx.buying.orderCount(p.commercialId);
    const what = orders > 0 ? `${orders} confirmed order${orders === 1 ? "" : "s"}` : "a posted customer invoice";
    const whose = p.commercialId === p.id ? "" : ` (credited to its commercial partner, ${p.commercialName})`;
    const supplier = p.supplierRank > 0 ? "; a supplier that buys counts as a customer (eligibility.supplierThatBuysIsCustomer)" : "";
    return { reason, rule: null, why: "a buyer", step: { step: "eligibility", ok: true, text: `A buyer: ${what}${whose}${supplier}.` } };
  }
  const include = eligibility.include.find((r) => matchRule(r, p, tagNames));
  const rule = include ? `eligibility.include: ${describeRule(include)}` : null;
  return { reason, rule, why: "included by the policy", step: { step: "eligibility", ok: true, text: `Not a buyer, but included by the policy (${rule}).` } };
}

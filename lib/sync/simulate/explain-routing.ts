import type { RouteRule } from "@/lib/sync/policy";
import { routePartner, type RouteFacts } from "@/lib/sync/plan/route-partner";
import type { RuleTrial } from "./types";

/**
 * Each routing rule as the planner tries them: every rule up to the first match is asked through the
 * planner's own routePartner (one rule at a time), and the rules after it are never reached.
 */
export function explainRouting(rules: RouteRule[], facts: RouteFacts): RuleTrial[] {
  const winner = routePartner(rules, facts);
  let reached = true;
  return rules.map((rule, index) => {
    const matched = reached ? routePartner([rule], facts) !== null : null;
    if (rule === winner) reached = false;
    return { index, name: rule.name, audienceId: rule.audienceId, matched };
  });
}

/** What a rule asks for, in words: "company 1, B2B, tag vip"; "everyone" for a catch-all. */
export function describeRouteRule(rule: RouteRule, companyName: (id: number) => string): string {
  const parts: string[] = [];
  if (rule.companyIds) parts.push(`company ${rule.companyIds.map(companyName).join(" or ")}`);
  if (rule.customerType) parts.push(rule.customerType.toUpperCase());
  if (rule.tags) parts.push(`tag ${rule.tags.join(" or ")}`);
  return parts.length ? parts.join(", ") : "everyone";
}

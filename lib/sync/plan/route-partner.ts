import type { RouteRule } from "@/lib/sync/policy";

export interface RouteFacts {
  companyId: number | null;
  customerType: "b2b" | "b2c";
  tagNames: string[];
}

/**
 * First matching rule, or null (the caller raises no_route: a guess would put someone in the wrong legal
 * entity's audience). A rule with companyIds never matches a partner whose company is unknown.
 */
export function routePartner(rules: RouteRule[], facts: RouteFacts): RouteRule | null {
  for (const rule of rules) {
    if (rule.companyIds && (facts.companyId === null || !rule.companyIds.includes(facts.companyId))) continue;
    if (rule.customerType && rule.customerType !== facts.customerType) continue;
    if (rule.tags && !rule.tags.some((t) => facts.tagNames.includes(t.toLowerCase()))) continue;
    return rule;
  }
  return null;
}

import type { Policy } from "@/lib/sync/policy";
import { slug } from "./slug";

export interface TagFacts {
  tagNames: string[];
  customerType: "b2b" | "b2c";
  companyName: string | null;
}

/**
 * The engine's tags for one member, all under the policy prefix so tags people add in Mailchimp are never
 * touched: `odoo:b2b`, `odoo:vip` (a res.partner.category), `odoo:company-my-company-chicago`. Sorted and
 * de-duplicated so the payload hash is stable.
 */
export function managedTags(policy: Policy, facts: TagFacts): string[] {
  const { prefix, fromPartnerTags, customerType, company } = policy.tags;
  const tags = new Set<string>();
  if (customerType) tags.add(`${prefix}${facts.customerType}`);
  if (fromPartnerTags) for (const name of facts.tagNames) if (slug(name)) tags.add(`${prefix}${slug(name)}`);
  if (company && facts.companyName && slug(facts.companyName)) tags.add(`${prefix}company-${slug(facts.companyName)}`);
  return [...tags].sort();
}

/** Only prefixed tags are ours to add or remove. */
export function diffManagedTags(prefix: string, wanted: string[], applied: string[]): { tagsToAdd: string[]; tagsToRemove: string[] } {
  const have = new Set(applied.filter((t) => t.startsWith(prefix)));
  const want = new Set(wanted);
  return {
    tagsToAdd: wanted.filter((t) => !have.has(t)),
    tagsToRemove: [...have].filter((t) => !want.has(t)).sort(),
  };
}

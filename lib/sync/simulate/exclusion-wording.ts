import type { ExclusionReason } from "@/lib/sync/types";

/**
 * What each exclusion reason of the planner (plan/eligibility.ts, plan/hierarchy.ts) means to the person reading
 * the simulator. A Record, so a new reason without words fails the type check.
 */
export const EXCLUSION_WORDING: Record<ExclusionReason, string> = {
  system_partner: "an Odoo system partner (OdooBot, the public user or a user template)",
  company_record: "the partner of one of your own companies (res.company): a seller, never a marketing contact",
  staff: "staff: an internal user's partner, an employee's work contact, or flagged employee / not shared",
  archived: "archived in Odoo",
  blacklisted_in_odoo: "on Odoo's email blacklist, and the policy excludes blacklisted partners",
  excluded_by_tag: "excluded by a tag rule of the policy",
  excluded_by_field: "excluded by a field rule of the policy",
  supplier_only: "a supplier that is not a customer (no confirmed order or posted invoice, or the policy does not count suppliers that buy)",
  not_a_buyer: "not a buyer: no confirmed order or posted customer invoice credited to its commercial partner, and no include rule matches",
  company_person_not_selected: "not selected by the policy's hierarchy rule for the people of a buying company",
};

import type { PartnerRow } from "./partner-row";
import type { DecisionContext } from "./plan-context";

/**
 * Which people of a buying entity receive marketing. The commercial partner itself is selected when it is an
 * individual (B2C), or a company under "all" / "company_only" (or "tagged" and carrying the tag): a company's
 * own address is usually a shared mailbox, so the person-centred rules leave it out. Children (contacts and
 * addresses) follow the rule; an individual's addresses follow it too.
 */
export function isSelectedByHierarchy(partner: PartnerRow, tagNames: string[], ctx: DecisionContext): boolean {
  const { childContacts, tag } = ctx.policy.hierarchy;
  const tagged = tag !== undefined && tagNames.includes(tag.toLowerCase());
  if (partner.id === partner.commercialId) {
    if (!partner.isCompany) return true;
    return childContacts === "all" || childContacts === "company_only" || (childContacts === "tagged" && tagged);
  }
  switch (childContacts) {
    case "all":
      return true;
    case "contacts_only":
      return partner.type === "contact";
    case "tagged":
      return tagged;
    case "company_only":
      return false;
  }
}

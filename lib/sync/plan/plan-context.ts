import type { Policy } from "@/lib/sync/policy";
import type { BuyingIndex } from "./buying-index";
import type { PartnerRow } from "./partner-row";
import type { ReferenceData } from "./reference-data";

/** What every per-partner decision reads; built once per run. */
export interface DecisionContext {
  policy: Policy;
  ref: ReferenceData;
  buying: BuyingIndex;
  /** The plan's clock (lapsed buyers); defaults to now. */
  nowSeconds?: number;
}

/** The partner's tag names, lower-cased, for rules and routing. */
export function tagNamesOf(partner: PartnerRow, ref: ReferenceData): string[] {
  const names: string[] = [];
  for (const id of partner.categoryIds) {
    const name = ref.categories.get(id);
    if (name) names.push(name.toLowerCase());
  }
  return names;
}

/** B2B when the buying entity is a company; an individual (and their addresses) is B2C. */
export function customerTypeOf(partner: PartnerRow, ctx: DecisionContext): "b2b" | "b2c" {
  const company = partner.commercialId === partner.id ? partner.isCompany : ctx.buying.isCompany(partner.commercialId);
  return company ? "b2b" : "b2c";
}

/** The partner's own company, else the company that last sold to its commercial partner (multi-company). */
export function effectiveCompanyOf(partner: PartnerRow, ctx: DecisionContext): number | null {
  return partner.companyId ?? ctx.buying.lastBuyCompany(partner.commercialId);
}

import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { BuyingIndex } from "@/lib/sync/plan/buying-index";
import { targetScope } from "@/lib/sync/plan/incremental-scope";
import { parsePartners, type PartnerRow } from "@/lib/sync/plan/partner-row";
import { loadReferenceData, type ReferenceData } from "@/lib/sync/plan/reference-data";
import { partnerFields } from "@/lib/sync/plan/required-fields";
import { familyScope, scanBuying } from "@/lib/sync/plan/scan-buying";

export interface PartnerFamily {
  target: PartnerRow;
  /** The target's family and every family holding one of its addresses, as the planner would read them. */
  partners: PartnerRow[];
  ref: ReferenceData;
  buying: BuyingIndex;
}

/**
 * Reads what the planner would read to decide one partner, through the planner's own readers: the reference
 * tables, the families a targeted run re-plans (plan/incremental-scope.ts targetScope), their buying and their
 * partners, with the fields every given policy needs. null when Odoo has no such partner.
 */
export async function readPartnerFamily(odoo: OdooClient, partnerId: number, policies: Policy[]): Promise<PartnerFamily | null> {
  const pageSize = Math.min(1000, odoo.maxPageSize);
  const families = await targetScope(odoo, { partnerIds: [partnerId], emails: [], pageSize });
  if (families.length === 0) return null;
  const ref = await loadReferenceData(odoo, pageSize);
  const scope = familyScope(families);
  const buying = new BuyingIndex();
  await scanBuying(odoo, buying, scope, pageSize, { purchases: policies.some((p) => p.commerce.enabled) });
  const fields = [...new Set(policies.flatMap(partnerFields))];
  const partners: PartnerRow[] = [];
  for await (const page of odoo.pages("res.partner", { fields, domain: scope.partners, pageSize, activeTest: false })) partners.push(...parsePartners(page));
  const target = partners.find((p) => p.id === partnerId);
  return target ? { target, partners, ref, buying } : null;
}

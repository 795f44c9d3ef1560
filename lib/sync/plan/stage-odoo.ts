import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { BuyingIndex } from "./buying-index";
import type { PlanStage } from "./plan-stage";
import type { PlanTally } from "./plan-tally";
import type { ReferenceData } from "./reference-data";
import { scanBuying, type ScanScope } from "./scan-buying";
import { stagePartners } from "./stage-partners";

export interface StagedRead {
  orders: number;
  invoices: number;
  /** Size of the buying index's typed arrays (the one thing that grows with the number of partners). */
  indexBytes: number;
}

/**
 * Reads Odoo scope by scope and writes every routed candidate and exception into the stage, then indexes it.
 * Shared by the planner and by reconciliation, so "what Odoo wants in Mailchimp" is decided by one policy
 * application wherever it is asked.
 */
export async function stageOdoo(odoo: OdooClient, policy: Policy, ref: ReferenceData, scopes: ScanScope[], stage: PlanStage, tally: PlanTally, pageSize: number, now = new Date()): Promise<StagedRead> {
  const buying = new BuyingIndex();
  const read = { orders: 0, invoices: 0 };
  for (const scope of scopes) {
    const n = await scanBuying(odoo, buying, scope, pageSize, { purchases: policy.commerce.enabled });
    read.orders += n.orders;
    read.invoices += n.invoices;
    await stagePartners(odoo, { policy, ref, buying, nowSeconds: Math.floor(now.getTime() / 1000) }, scope, stage, tally, pageSize);
  }
  await stage.index();
  return { ...read, indexBytes: buying.bytes };
}

import type { EngineMergeField } from "@/lib/sync/policy/merge-fields";

/**
 * Purchase data on every member (issue 11), net of refunds and cancellations: the merge fields the engine creates
 * when the policy enables commerce, and the managed lifecycle tags. Filled by the member planner
 * (lib/sync/plan/build-payload.ts) from the BuyingIndex, so it is part of the member's payload hash and a posted
 * Odoo transaction reaches Mailchimp on the next incremental run.
 */
export const PURCHASE_MERGE_FIELDS: readonly EngineMergeField[] = [
  { tag: "LTV", name: "Lifetime value (net)", type: "number" },
  { tag: "NETORDERS", name: "Orders (net)", type: "number" },
  { tag: "AVGORDER", name: "Average order (net)", type: "number" },
  { tag: "FIRSTBUY", name: "First order date", type: "date", dateFormat: "YYYY-MM-DD" },
  { tag: "LASTBUY", name: "Last order date (net)", type: "date", dateFormat: "YYYY-MM-DD" },
];

/** A commercial partner's purchases in one currency (see BuyingIndex.purchasesOf). */
export interface Purchases {
  /** Sum of the orders' totals less their posted credit notes, each order at least 0, in cents. */
  netCents: number;
  /** Orders not cancelled and not wholly refunded. */
  orders: number;
  /** Epoch seconds of the first and last such order; 0 when none. */
  firstAt: number;
  lastAt: number;
  /** Some order of theirs was refunded, wholly or in part. */
  refunded: boolean;
}

export interface PurchaseSettings {
  vipThreshold: number;
  lapsedDays: number;
}

const day = (seconds: number) => (seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : "");

export function purchaseMergeValues(p: Purchases): Record<string, string | number> {
  return {
    LTV: p.netCents / 100,
    NETORDERS: p.orders,
    AVGORDER: p.orders > 0 ? Math.round(p.netCents / p.orders) / 100 : 0,
    FIRSTBUY: day(p.firstAt),
    LASTBUY: day(p.lastAt),
  };
}

/**
 * Lifecycle tags under the policy's prefix: stage-first-time (one net order), stage-repeat (two or more),
 * stage-vip (net lifetime value above the policy's threshold), stage-lapsed (last net order older than the
 * policy's days, as of the plan), stage-refunded. Lapsing needs no Odoo change, so full runs (which re-plan
 * everyone) are what move a quiet buyer to lapsed.
 */
export function purchaseTags(prefix: string, p: Purchases, s: PurchaseSettings, nowSeconds: number): string[] {
  const tags: string[] = [];
  if (p.orders === 1) tags.push(`${prefix}stage-first-time`);
  if (p.orders >= 2) tags.push(`${prefix}stage-repeat`);
  if (p.netCents > Math.round(s.vipThreshold * 100)) tags.push(`${prefix}stage-vip`);
  if (p.orders > 0 && nowSeconds - p.lastAt > s.lapsedDays * 86_400) tags.push(`${prefix}stage-lapsed`);
  if (p.refunded) tags.push(`${prefix}stage-refunded`);
  return tags;
}

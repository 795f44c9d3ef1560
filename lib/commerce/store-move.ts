import type { RouteRule } from "@/lib/sync/policy/route-schema";

/** A store Bridgeline created, as commerce_stores remembers it. */
export interface ExistingStore {
  storeId: string;
  companyId: number;
  listId: string;
}

export type StoreMoveDecision =
  | { allow: true }
  | { allow: false; code: "store_audience_change"; reason: string; stores: string[] };

/**
 * Pure, like lib/consent/firewall.ts: may this routing be saved? Mailchimp ties a store to its audience for ever,
 * so a policy that routes a company's buyers to audiences none of which is the audience of that company's
 * existing store would move the store: refused, naming the stores. A company no rule routes any more is not a
 * move (its store just gets no new orders).
 */
export function checkStoreMoves(stores: readonly ExistingStore[], rules: readonly RouteRule[]): StoreMoveDecision {
  const moved: string[] = [];
  const reasons: string[] = [];
  for (const store of stores) {
    const reachable = new Set(rules.filter((r) => !r.companyIds || r.companyIds.includes(store.companyId)).map((r) => r.audienceId));
    if (reachable.size === 0 || reachable.has(store.listId)) continue;
    moved.push(store.storeId);
    reasons.push(`store ${store.storeId} of company ${store.companyId} is bound to audience ${store.listId}, but this policy routes that company to ${[...reachable].join(", ")}`);
  }
  if (moved.length === 0) return { allow: true };
  return { allow: false, code: "store_audience_change", stores: moved,
    reason: `A Mailchimp store's audience can never change: ${reasons.join("; ")}. Keep a rule routing the company to its store's audience.` };
}

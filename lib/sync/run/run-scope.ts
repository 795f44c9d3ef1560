import { z } from "zod";

/** sync_runs.scope of a targeted run: who a repair re-plans (lib/sync/plan/plan-run.ts TargetScope). */
export const runScopeSchema = z.object({
  emails: z.array(z.string().min(1)).max(10_000),
  partnerIds: z.array(z.number().int().positive()).max(10_000),
  /** Why the run exists, e.g. "repair missing (3 records)": shown on the runs page. */
  reason: z.string().max(200),
  /**
   * An order repair (lib/reconcile/repair): the commerce step re-sends these sale.order ids whatever their
   * remembered hashes say, and deletes these orders from Bridgeline's stores (orders Odoo does not put there).
   */
  orders: z.object({
    resend: z.array(z.number().int().positive()).max(10_000),
    remove: z.array(z.object({ storeId: z.string().min(1).max(200), orderId: z.string().min(1).max(200) })).max(10_000),
  }).optional(),
});

export type RunScope = z.infer<typeof runScopeSchema>;
export type OrderScope = NonNullable<RunScope["orders"]>;

/** A targeted run with orders to repair has an e-commerce step (and, with no emails or partners, nothing else). */
export const hasOrderRepair = (scope: RunScope | null): scope is RunScope & { orders: OrderScope } =>
  !!scope?.orders && scope.orders.resend.length + scope.orders.remove.length > 0;

/** Null for a whole run; a stored scope that does not parse is a bug, so it throws rather than widening the run. */
export function parseRunScope(value: unknown): RunScope | null {
  return value === null || value === undefined ? null : runScopeSchema.parse(value);
}

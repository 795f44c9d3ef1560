import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getActivePolicy } from "@/lib/sync/policy";
import type { RunQueue } from "@/lib/sync/run/queue";
import { requestRun } from "@/lib/sync/run/request-run";
import type { OrderScope } from "@/lib/sync/run/run-scope";
import type { GapKind } from "../gap-kinds";
import { RepairRefusedError } from "./repair-refused";
import type { GapRow } from "./gap-row";

/**
 * Order gaps become one targeted run with only an e-commerce step (lib/commerce, run scope `orders`): missing,
 * total and status gaps re-send Odoo's order whatever the commerce sync remembers sending (Mailchimp changed
 * behind its back, so its hashes still match Odoo and its next run alone would write nothing); extra orders are
 * deleted from that store, because Odoo is the master of transactions. Silent like every historical write.
 */
export async function requestOrderRepair(
  prisma: PrismaClient,
  input: { kind: GapKind; email?: string; subject?: string; requestedById?: string },
  gaps: GapRow[],
  queue: RunQueue,
): Promise<{ route: "commerce"; runId: string; records: number }> {
  const active = await getActivePolicy(prisma);
  if (!active?.policy.commerce.enabled) throw new RepairRefusedError("The policy has e-commerce off: turn it on so Bridgeline may write orders.");
  const orders = orderScope(gaps);
  if (orders.resend.length + orders.remove.length === 0) throw new RepairRefusedError("These gaps name no order Bridgeline can send or delete.");
  const what = input.subject ?? input.email ?? `${gaps.length} order(s)`;
  const { runId } = await requestRun(prisma, {
    mode: "incremental", trigger: "repair", ...(input.requestedById ? { requestedById: input.requestedById } : {}),
    scope: { emails: [], partnerIds: [], orders, reason: `repair ${input.kind}: ${what}`.slice(0, 200) },
  }, queue);
  return { route: "commerce", runId, records: gaps.length };
}

/** From each gap's detail (find-order-gaps.ts): the sale.order to send again, or the store's order to delete. */
export function orderScope(gaps: Array<Pick<GapRow, "detail">>): OrderScope {
  const resend = new Set<number>();
  const remove = new Map<string, { storeId: string; orderId: string }>();
  for (const { detail } of gaps) {
    const storeId = typeof detail.storeId === "string" ? detail.storeId : null;
    const orderId = typeof detail.orderId === "string" ? detail.orderId : null;
    const saleOrderId = typeof detail.saleOrderId === "number" ? detail.saleOrderId : null;
    if (detail.cause !== undefined) {
      if (storeId && orderId) remove.set(`${storeId}|${orderId}`, { storeId, orderId });
    } else if (saleOrderId && saleOrderId > 0) resend.add(saleOrderId);
  }
  return { resend: [...resend].sort((a, b) => a - b), remove: [...remove.values()] };
}

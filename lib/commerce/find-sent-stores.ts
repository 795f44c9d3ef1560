import type { Db } from "@/lib/sync/run/db";
import { orderIdFor } from "./ids";
import type { SaleOrder } from "./types";

/**
 * order id -> the stores that hold it by commerce_records (Bridgeline sent it there), for orders whose buyer has no
 * member now: their company's and currency's stores in commerce_stores, probed by commerce_records' key, so the
 * lookup costs one index probe per (order, store) and never scans the table.
 */
export async function findSentStores(prisma: Db, orders: readonly SaleOrder[]): Promise<Map<string, string[]>> {
  const sent = new Map<string, string[]>();
  if (orders.length === 0) return sent;
  const rows = await prisma.$queryRaw<Array<{ store_id: string; record_id: string }>>`
    SELECT c.store_id, c.record_id
    FROM unnest(${orders.map((o) => orderIdFor(o.id))}::text[], ${orders.map((o) => o.companyId)}::int[], ${orders.map((o) => o.currency.toUpperCase())}::text[]) AS k(record_id, company_id, currency)
    JOIN commerce_stores s ON s.company_id = k.company_id AND upper(s.currency) = k.currency
    JOIN commerce_records c ON c.store_id = s.store_id AND c.kind = 'order' AND c.record_id = k.record_id
    ORDER BY c.store_id`;
  for (const r of rows) sent.set(r.record_id, [...(sent.get(r.record_id) ?? []), r.store_id]);
  return sent;
}

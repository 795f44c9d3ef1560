import { parseStoreId } from "@/lib/commerce/ids";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { withRetry, type MailchimpClient, type OrdersPage, type RetryPolicy } from "@/lib/mailchimp";
import { normalizeEmail } from "@/lib/sync/email/normalize-email";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";

/** Mailchimp's largest page, for stores and orders alike. */
const PAGE = 1000;

const STORE_FIELDS = ["stores.id", "stores.list_id", "stores.currency_code", "total_items"];
/** Only what revenue and the order gaps compare: no lines, addresses or links. */
export const ORDER_FIELDS = [
  "orders.id", "orders.customer.email_address", "orders.order_total", "orders.financial_status", "orders.cancelled_at_foreign",
  "orders.processed_at_foreign", "total_items",
];

export interface StoreOrdersRead {
  /** Bridgeline's stores (ids parseStoreId accepts); other stores in the account are not read. */
  stores: { storeId: string; audienceId: string; companyId: number; currency: string }[];
  orders: number;
  requests: number;
}

/**
 * Every order of Bridgeline's stores into reconcile_mailchimp_orders: the store list, then each store's orders
 * 1,000 a request with `fields` (never one request per order), one INSERT per page. Through the client the pass
 * is given: the worker's governed one at backfill priority, like the member read-back.
 */
export async function readStoreOrders(prisma: PrismaClient, mailchimp: MailchimpClient, retry: RetryPolicy, passId: string): Promise<StoreOrdersRead> {
  const out: StoreOrdersRead = { stores: [], orders: 0, requests: 0 };
  for (let offset = 0; ; offset += PAGE) {
    const page = await withRetry(() => {
      out.requests++;
      return mailchimp.ecommerce.stores.list({ count: PAGE, offset, fields: STORE_FIELDS });
    }, retry);
    for (const s of page.stores) {
      const ours = parseStoreId(s.id);
      // The id says company, audience and currency; a store whose list moved is not the one the id names.
      if (ours && (!s.list_id || s.list_id === ours.listId)) out.stores.push({ storeId: s.id, audienceId: ours.listId, companyId: ours.companyId, currency: ours.currency });
    }
    if (page.stores.length < PAGE || offset + PAGE >= page.total_items) break;
  }
  for (const store of out.stores) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await withRetry(() => {
        out.requests++;
        return mailchimp.ecommerce.orders.list(store.storeId, { count: PAGE, offset, fields: ORDER_FIELDS });
      }, retry);
      await insertOrders(prisma, passId, store, page.orders);
      out.orders += page.orders.length;
      if (page.orders.length < PAGE || offset + PAGE >= page.total_items) break;
    }
  }
  return out;
}

async function insertOrders(prisma: PrismaClient, passId: string, store: StoreOrdersRead["stores"][number], orders: OrdersPage["orders"]): Promise<void> {
  if (orders.length === 0) return;
  const rows = orders.map((o) => ({
    id: o.id,
    email: o.customer?.email_address ? normalizeEmail(o.customer.email_address) : "",
    cents: Math.round((o.order_total ?? 0) * 100),
    status: o.financial_status ?? null,
    cancelled: !!o.cancelled_at_foreign || o.financial_status === "cancelled",
    processed: o.processed_at_foreign || null,
  }));
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_mailchimp_orders (pass_id, store_id, order_id, audience_id, company_id, currency, email, total_cents, financial_status, cancelled, processed_at)
     SELECT $1::uuid, $2, r.id, $3, $4, $5, r.email, r.cents, r.status, r.cancelled, r.processed
     FROM jsonb_to_recordset($6::jsonb) AS r(id text, email text, cents bigint, status text, cancelled boolean, processed timestamptz)
     ON CONFLICT DO NOTHING`,
    passId, store.storeId, store.audienceId, store.companyId, store.currency, JSON.stringify(rows),
  );
  forgetPrismaQueryLog();
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OrderGapKind } from "../gap-kinds";

/**
 * Order gaps, all in Postgres like the member gaps: the orders Odoo implies in each of Bridgeline's stores against
 * the orders read back from them (lib/commerce/ids.ts is the contract: one store per company, audience and
 * currency; one order `so-<sale.order id>` per confirmed sale.order).
 *
 * An order is expected in the store of its company, its customer's audience and its currency, its customer being
 * the member the commerce sync picks (assign-order-buyers.ts: the buyer, else its company, else the family). Its
 * expected order_total is amount_total minus the posted credit notes linked to it (never below 0), or amount_total
 * as it was when cancelled; its status is cancelled, refunded (credit notes cover it all) or open.
 *
 * Only audiences that have at least one of our stores are compared: without one the commerce sync has not run
 * there, and listing every order as missing would bury the member gaps. A cancelled order is never "missing"
 * (Odoo's state alone cannot say whether it was ever confirmed, so never sent); if Mailchimp has it, it must say
 * cancelled.
 */
export async function findOrderGaps(prisma: PrismaClient, passId: string, storeAudiences: string[]): Promise<void> {
  if (storeAudiences.length === 0) return;
  for (const sql of QUERIES) await prisma.$executeRawUnsafe(`${WITH} ${sql}`, passId, [...new Set(storeAudiences)]);
}

const cents = (expr: string) => `((${expr}) / 100.0)::numeric(14,2)`;

/** Expected orders (e) and read-back orders (mc), with comparable totals and statuses. */
const WITH = `
WITH e AS (
  SELECT o.sale_order_id, o.name, o.partner_id, o.company_id, o.currency, o.month, o.state, o.buyer_audience_id AS audience_id, o.buyer_email AS email,
    'odoo-c' || o.company_id || '-' || o.buyer_audience_id || '-' || lower(o.currency) AS store_id,
    'so-' || o.sale_order_id AS order_id,
    CASE WHEN o.state = 'cancel' THEN o.amount_cents ELSE o.amount_cents - o.refunded_cents END AS total_cents,
    CASE WHEN o.state = 'cancel' THEN 'cancelled' WHEN o.amount_cents > 0 AND o.refunded_cents >= o.amount_cents THEN 'refunded' ELSE 'open' END AS status
  FROM reconcile_odoo_orders o
  WHERE o.pass_id = $1::uuid AND o.routed AND o.buyer_audience_id = ANY($2::text[])),
mc AS (
  SELECT m.*, CASE WHEN m.cancelled THEN 'cancelled' WHEN m.financial_status = 'refunded' THEN 'refunded' ELSE 'open' END AS status
  FROM reconcile_mailchimp_orders m WHERE m.pass_id = $1::uuid)`;

const insert = (kind: OrderGapKind) =>
  `INSERT INTO reconcile_gaps (pass_id, audience_id, kind, email, subject, partner_ids, detail)
   SELECT $1::uuid, g.audience_id, '${kind}', g.email, g.subject, g.partner_ids, g.detail FROM`;

const both = `jsonb_build_object('storeId', e.store_id, 'orderId', e.order_id, 'saleOrderId', e.sale_order_id, 'name', e.name, 'currency', e.currency,
  'month', to_char(e.month, 'YYYY-MM'), 'odooTotal', ${cents("e.total_cents")}, 'mailchimpTotal', ${cents("mc.total_cents")}, 'odooStatus', e.status, 'mailchimpStatus', mc.status)`;

const QUERIES = [
  `${insert("order_missing")} (
     SELECT e.audience_id, e.email, e.order_id AS subject, ARRAY[e.partner_id] AS partner_ids, jsonb_build_object('storeId', e.store_id, 'orderId', e.order_id,
       'saleOrderId', e.sale_order_id, 'name', e.name, 'currency', e.currency, 'month', to_char(e.month, 'YYYY-MM'), 'odooTotal', ${cents("e.total_cents")}, 'odooStatus', e.status) AS detail
     FROM e WHERE e.state = 'sale' AND NOT EXISTS (SELECT 1 FROM mc WHERE mc.store_id = e.store_id AND mc.order_id = e.order_id)) g
   ON CONFLICT DO NOTHING`,
  // In one of our stores, but not an order Odoo puts there: not a confirmed (or cancelled) sale.order at all, or
  // one whose buyer is routed to another audience.
  `${insert("order_extra")} (
     SELECT mc.audience_id, mc.email, mc.order_id AS subject, CASE WHEN o.partner_id IS NULL THEN ARRAY[]::int[] ELSE ARRAY[o.partner_id] END AS partner_ids,
       jsonb_build_object('storeId', mc.store_id, 'orderId', mc.order_id, 'currency', mc.currency, 'mailchimpTotal', ${cents("mc.total_cents")}, 'mailchimpStatus', mc.status,
         'cause', CASE WHEN o.sale_order_id IS NULL THEN 'not_in_odoo' ELSE 'other_store' END, 'name', o.name) AS detail
     FROM mc
     LEFT JOIN reconcile_odoo_orders o ON o.pass_id = $1::uuid AND mc.order_id ~ '^so-[0-9]{1,9}$' AND o.sale_order_id = substr(mc.order_id, 4)::int
     WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.store_id = mc.store_id AND e.order_id = mc.order_id)) g
   ON CONFLICT DO NOTHING`,
  `${insert("order_total")} (
     SELECT e.audience_id, e.email, e.order_id AS subject, ARRAY[e.partner_id] AS partner_ids, ${both} || jsonb_build_object('difference', ${cents("e.total_cents - mc.total_cents")}) AS detail
     FROM e JOIN mc ON mc.store_id = e.store_id AND mc.order_id = e.order_id WHERE mc.total_cents <> e.total_cents) g
   ON CONFLICT DO NOTHING`,
  `${insert("order_status")} (
     SELECT e.audience_id, e.email, e.order_id AS subject, ARRAY[e.partner_id] AS partner_ids, ${both} AS detail
     FROM e JOIN mc ON mc.store_id = e.store_id AND mc.order_id = e.order_id WHERE mc.status <> e.status) g
   ON CONFLICT DO NOTHING`,
];

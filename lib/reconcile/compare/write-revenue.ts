import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAILCHIMP_ORDERS_ONCE } from "./orders-once";

/**
 * Revenue per month, company and currency for one pass, Odoo against Mailchimp, into reconcile_revenue (a few
 * rows a month: the Revenue page reads only these and the per-order tables behind a drill-down).
 *
 * Odoo, to the cent:
 * - gross: amount_total of confirmed orders (state 'sale', locked included) and of cancelled orders that had been
 *   confirmed. Odoo keeps no trace of confirmation on a cancelled order, so "had been confirmed" means it has a
 *   customer invoice (only a confirmed order is invoiced) or Bridgeline's store holds it (the commerce sync sends
 *   only confirmed orders). A cancelled quotation has neither and counts nowhere. Net is the same either way.
 * - cancellations: amount_total of those cancelled orders.
 * - refunds: posted out_refund credit notes linked to a confirmed order (read/odoo-orders.ts), capped at its total.
 * - net = gross - cancellations - refunds; "not for Mailchimp" is the part of it from orders whose buyer no audience
 *   takes (assign-order-buyers.ts): in the books, never sent. One sent before its buyer left every audience is
 *   still for Mailchimp (keep-sent-orders.ts).
 * Everything is attributed to the order's month (date_order, UTC), company and currency, credit notes included:
 * it is how Mailchimp holds it (one order_total per order), so the two sides compare month by month.
 *
 * Mailchimp: every order of our stores, once (orders-once.ts says which month); net = order_total of orders not
 * cancelled, cancellations = order_total of cancelled ones.
 * difference = Odoo net - not for Mailchimp - Mailchimp net: zero when Mailchimp holds every order it should, as it should.
 */
export async function writeRevenue(prisma: PrismaClient, passId: string, companies: Record<number, string>): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_revenue (pass_id, month, company_id, company_name, currency, odoo_orders, odoo_gross_cents, odoo_refunds_cents,
       odoo_cancellations_cents, odoo_net_cents, odoo_unrouted_cents, mailchimp_orders, mailchimp_net_cents, mailchimp_cancellations_cents, difference_cents)
     WITH mc AS (${MAILCHIMP_ORDERS_ONCE}),
     o AS (
       SELECT o.*, (o.state = 'sale' OR o.invoiced OR EXISTS (SELECT 1 FROM mc WHERE mc.sale_order_id = o.sale_order_id)) AS counted
       FROM reconcile_odoo_orders o WHERE o.pass_id = $1::uuid),
     odoo AS (
       SELECT month, company_id, currency,
         count(*) FILTER (WHERE counted)::int AS orders,
         coalesce(sum(amount_cents) FILTER (WHERE counted), 0) AS gross,
         coalesce(sum(refunded_cents) FILTER (WHERE state = 'sale'), 0) AS refunds,
         coalesce(sum(amount_cents) FILTER (WHERE state = 'cancel' AND counted), 0) AS cancellations,
         coalesce(sum(amount_cents - refunded_cents) FILTER (WHERE state = 'sale' AND NOT routed), 0) AS unrouted
       FROM o GROUP BY 1, 2, 3),
     mcagg AS (
       SELECT revenue_month AS month, company_id, currency,
         count(*)::int AS orders,
         coalesce(sum(total_cents) FILTER (WHERE NOT cancelled), 0) AS net,
         coalesce(sum(total_cents) FILTER (WHERE cancelled), 0) AS cancellations
       FROM mc GROUP BY 1, 2, 3)
     SELECT $1::uuid, month, company_id, coalesce($2::jsonb ->> company_id::text, ''), currency,
       coalesce(odoo.orders, 0), coalesce(odoo.gross, 0), coalesce(odoo.refunds, 0), coalesce(odoo.cancellations, 0),
       coalesce(odoo.gross - odoo.cancellations - odoo.refunds, 0), coalesce(odoo.unrouted, 0),
       coalesce(mcagg.orders, 0), coalesce(mcagg.net, 0), coalesce(mcagg.cancellations, 0),
       coalesce(odoo.gross - odoo.cancellations - odoo.refunds - odoo.unrouted, 0) - coalesce(mcagg.net, 0)
     FROM odoo FULL JOIN mcagg USING (month, company_id, currency)
     WHERE coalesce(odoo.orders, 0) + coalesce(mcagg.orders, 0) > 0`,
    passId,
    JSON.stringify(companies),
  );
}

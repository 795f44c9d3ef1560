import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * An order the commerce sync sent while its buyer was routed stays in Mailchimp when the buyer leaves every
 * audience (an opt-out that reached Odoo's blacklist, an exclusion, a policy change): Bridgeline never deletes a
 * contact's purchase history for that, and the commerce sync no longer touches it. Such an order is still for
 * Mailchimp, in the store that holds it: without this it would be an "extra" order whose repair deletes it, and
 * Revenue would show its amount as a difference after every opt-out.
 *
 * Kept: an order no audience's member buys now (assign-order-buyers.ts left it unrouted), counted in one of our
 * stores of its company and currency (orders-once.ts), and remembered there by the commerce sync
 * (commerce_records): a copy someone else put in our store is still extra. Runs after both, before the gaps and
 * the revenue that read `routed`.
 */
export async function keepSentOrders(prisma: PrismaClient, passId: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE reconcile_odoo_orders o SET routed = true, buyer_audience_id = m.audience_id, buyer_email = m.email
    FROM reconcile_mailchimp_orders m
    JOIN commerce_records c ON c.store_id = m.store_id AND c.kind = 'order' AND c.record_id = m.order_id
    WHERE o.pass_id = ${passId}::uuid AND NOT o.routed
      AND m.pass_id = o.pass_id AND m.counted AND m.sale_order_id = o.sale_order_id
      AND m.company_id = o.company_id AND m.currency = o.currency`;
}

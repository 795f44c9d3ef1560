import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Decides, once per pass, each read-back order's sale.order (so-<id>, lib/commerce/ids), the month revenue
 * attributes it to, and which row counts: an order found in two of our stores of one company and currency is one
 * sale. The month is the Odoo order's when there is one (processed_at_foreign is date_order by contract; Odoo's
 * month keeps a time-zone rendering from moving an order across months), else processed_at_foreign's month.
 * Runs after both sides are read and before the gaps and the revenue that use it.
 */
export async function markCountedOrders(prisma: PrismaClient, passId: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE reconcile_mailchimp_orders m SET counted = true, sale_order_id = x.sale_order_id, revenue_month = x.revenue_month
    FROM (
      SELECT DISTINCT ON (m.company_id, m.currency, m.order_id) m.store_id, m.order_id, o.sale_order_id,
        coalesce(o.month, date_trunc('month', coalesce(m.processed_at, now()) AT TIME ZONE 'UTC')::date) AS revenue_month
      FROM reconcile_mailchimp_orders m
      LEFT JOIN reconcile_odoo_orders o ON o.pass_id = m.pass_id AND m.order_id ~ '^so-[0-9]{1,9}$' AND o.sale_order_id = substr(m.order_id, 4)::int
      WHERE m.pass_id = ${passId}::uuid
      ORDER BY m.company_id, m.currency, m.order_id, m.store_id) x
    WHERE m.pass_id = ${passId}::uuid AND m.store_id = x.store_id AND m.order_id = x.order_id`;
}

/** The read-back's Mailchimp orders of pass $1, each counted once per company and currency (markCountedOrders). */
export const MAILCHIMP_ORDERS_ONCE = `SELECT m.* FROM reconcile_mailchimp_orders m WHERE m.pass_id = $1::uuid AND m.counted`;

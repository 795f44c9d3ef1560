/**
 * The read-back's Mailchimp orders of pass $1, each counted once per company and currency (an order found in two
 * of our stores of one company and currency is one sale), with the sale.order it names (so-<id>, lib/commerce/ids)
 * and the month revenue attributes it to: the Odoo order's month when there is one (processed_at_foreign is
 * date_order by contract; Odoo's month keeps a time-zone rendering from moving an order across months), else the
 * month of processed_at_foreign. Shared by the revenue table and its drill-down so both count alike.
 */
export const MAILCHIMP_ORDERS_ONCE = `
  SELECT DISTINCT ON (m.company_id, m.currency, m.order_id) m.*, o.sale_order_id,
    coalesce(o.month, date_trunc('month', coalesce(m.processed_at, now()) AT TIME ZONE 'UTC')::date) AS revenue_month
  FROM reconcile_mailchimp_orders m
  LEFT JOIN reconcile_odoo_orders o ON o.pass_id = m.pass_id AND m.order_id ~ '^so-[0-9]{1,9}$' AND o.sale_order_id = substr(m.order_id, 4)::int
  WHERE m.pass_id = $1::uuid
  ORDER BY m.company_id, m.currency, m.order_id, m.store_id`;

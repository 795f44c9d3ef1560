import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { units } from "./list-revenue";
import type { RevenueCell } from "./revenue-filter";

export const ORDERS_PAGE_SIZE = 50;

export interface RevenueOrder {
  orderId: string;
  saleOrderId: number | null;
  name: string | null;
  /** sale | cancel in Odoo; null when Odoo has no such confirmed or cancelled order. */
  odooState: string | null;
  odooTotal: number | null;
  odooRefunds: number | null;
  /** What the order adds to Odoo's net (0 when cancelled). */
  odooNet: number;
  /** Its buyer is one an audience takes: the order is meant for Mailchimp (else it is in the books only). */
  forMailchimp: boolean;
  storeId: string | null;
  email: string | null;
  mailchimpTotal: number | null;
  mailchimpStatus: string | null;
  mailchimpCancelled: boolean;
  /** What the order adds to Mailchimp's net (0 when cancelled). */
  mailchimpNet: number;
  difference: number;
}

type Raw = { order_id: string; sale_order_id: number | null; name: string | null; state: string | null; amount_cents: bigint | null; refunded_cents: bigint | null; odoo_net: bigint; routed: boolean | null;
  store_id: string | null; email: string | null; total_cents: bigint | null; financial_status: string | null; cancelled: boolean | null; mc_net: bigint; diff: bigint; total: number };

/**
 * The drill-down from one revenue cell (month, company, currency) to the orders behind it, Odoo and Mailchimp
 * side by side, the largest differences first; by default only the orders whose amounts differ, which are
 * exactly the ones that make up the cell's difference. An order whose buyer no audience takes is expected at 0 in
 * Mailchimp (it is "not for Mailchimp" in the cell), so it differs only if Mailchimp holds it anyway.
 */
export async function revenueOrders(c: RevenueCell): Promise<{ passId: string | null; total: number; page: number; pageSize: number; rows: RevenueOrder[] }> {
  const prisma = getPrisma();
  const pass = await latestPass(prisma);
  if (!pass) return { passId: null, total: 0, page: c.page, pageSize: ORDERS_PAGE_SIZE, rows: [] };
  const rows = await prisma.$queryRawUnsafe<Raw[]>(
    `WITH mc AS (SELECT * FROM reconcile_mailchimp_orders WHERE pass_id = $1::uuid AND counted AND revenue_month = $2::date AND company_id = $3 AND currency = $4),
     o AS (SELECT * FROM reconcile_odoo_orders WHERE pass_id = $1::uuid AND month = $2::date AND company_id = $3 AND currency = $4),
     r AS (
       SELECT coalesce('so-' || o.sale_order_id, mc.order_id) AS order_id, o.sale_order_id, o.name, o.state, o.amount_cents, o.refunded_cents,
         CASE WHEN o.state = 'sale' THEN o.amount_cents - o.refunded_cents ELSE 0 END AS odoo_net, o.routed,
         CASE WHEN o.state = 'sale' AND o.routed THEN o.amount_cents - o.refunded_cents ELSE 0 END AS expected_net,
         mc.store_id, mc.email, mc.total_cents, mc.financial_status, mc.cancelled,
         CASE WHEN mc.cancelled THEN 0 ELSE coalesce(mc.total_cents, 0) END AS mc_net
       FROM o FULL JOIN mc ON mc.sale_order_id = o.sale_order_id)
     SELECT *, expected_net - mc_net AS diff, count(*) OVER ()::int AS total FROM r
     WHERE NOT $5 OR expected_net - mc_net <> 0
     ORDER BY abs(expected_net - mc_net) DESC, order_id
     LIMIT ${ORDERS_PAGE_SIZE} OFFSET ${(c.page - 1) * ORDERS_PAGE_SIZE}`,
    pass.id, `${c.month}-01`, c.company, c.currency, c.onlyDiffering,
  );
  const money = (v: bigint | null) => (v === null ? null : units(v));
  return {
    passId: pass.id, total: rows[0]?.total ?? 0, page: c.page, pageSize: ORDERS_PAGE_SIZE,
    rows: rows.map((r) => ({
      orderId: r.order_id, saleOrderId: r.sale_order_id, name: r.name, odooState: r.state, odooTotal: money(r.amount_cents), odooRefunds: money(r.refunded_cents),
      odooNet: units(r.odoo_net), forMailchimp: r.routed === true, storeId: r.store_id, email: r.email, mailchimpTotal: money(r.total_cents), mailchimpStatus: r.store_id ? (r.cancelled ? "cancelled" : r.financial_status ?? "") : null,
      mailchimpCancelled: !!r.cancelled, mailchimpNet: units(r.mc_net), difference: units(r.diff),
    })),
  };
}

import { parseQuery, revenueCellSchema } from "@/lib/console/revenue/revenue-filter";
import { revenueOrders, type RevenueOrder } from "@/lib/console/revenue/revenue-orders";
import type { CsvCell, CsvTable } from "./csv-table";

const money = (n: number | null) => (n === null ? "" : n.toFixed(2));

/** The Revenue drill-down: every order behind one cell (?month&company&currency&onlyDiffering), all its pages. */
export const revenueOrdersCsv: CsvTable = {
  page: "revenue",
  filename: (q) => `revenue-orders-${q.get("month") ?? ""}-${q.get("company") ?? ""}-${q.get("currency") ?? ""}.csv`,
  columns: ["order_id", "sale_order_id", "name", "odoo_state", "odoo_total", "odoo_refunds", "odoo_net", "for_mailchimp", "store_id", "email", "mailchimp_total", "mailchimp_status", "mailchimp_cancelled", "mailchimp_net", "difference"],
  check: (q) => void parseQuery(revenueCellSchema, q),
  async *rows(q) {
    const cell = parseQuery(revenueCellSchema, q);
    for (let page = 1; ; page++) {
      const { rows, pageSize } = await revenueOrders({ ...cell, page });
      for (const o of rows) yield orderRow(o);
      if (rows.length < pageSize) return;
    }
  },
};

function orderRow(o: RevenueOrder): CsvCell[] {
  return [o.orderId, o.saleOrderId, o.name, o.odooState, money(o.odooTotal), money(o.odooRefunds), money(o.odooNet), o.forMailchimp, o.storeId, o.email, money(o.mailchimpTotal), o.mailchimpStatus, o.mailchimpCancelled, money(o.mailchimpNet), money(o.difference)];
}

import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { csvStream } from "../csv-stream";
import { revenueRows } from "./list-revenue";
import type { RevenueFilter } from "./revenue-filter";

export const REVENUE_CSV_COLUMNS = [
  "month", "company_id", "company", "currency", "odoo_orders", "odoo_gross", "odoo_refunds", "odoo_cancellations", "odoo_net", "odoo_not_for_mailchimp",
  "mailchimp_orders", "mailchimp_net", "mailchimp_cancellations", "difference",
];

/** Amounts as finance types them: two decimals, a dot, no thousands separator (a spreadsheet reads them as numbers). */
const money = (n: number) => n.toFixed(2);

/** The latest pass's revenue as CSV. Revenue is a few rows a month per company and currency: one query. */
export function exportRevenueCsv(f: Pick<RevenueFilter, "sort" | "dir" | "currency">): ReadableStream<Uint8Array> {
  return csvStream(REVENUE_CSV_COLUMNS, async (csv) => {
    const pass = await latestPass(getPrisma());
    if (!pass) return;
    for (const r of await revenueRows(pass.id, f)) {
      csv.write([r.month, r.companyId, r.companyName, r.currency, r.odooOrders, money(r.odooGross), money(r.odooRefunds), money(r.odooCancellations), money(r.odooNet), money(r.odooNotForMailchimp),
        r.mailchimpOrders, money(r.mailchimpNet), money(r.mailchimpCancellations), money(r.difference)]);
    }
  });
}

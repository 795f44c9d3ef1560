import { z } from "zod";

export const REVENUE_PAGE_SIZE = 24;
export const REVENUE_SORTS = ["month", "company", "currency", "net", "difference"] as const;

/** The Revenue table's query string: sort and page, answered by Postgres over reconcile_revenue. */
export const revenueFilterSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  sort: z.enum(REVENUE_SORTS).default("month"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type RevenueFilter = z.output<typeof revenueFilterSchema>;

/** One cell of the table: the orders behind a month, company and currency (the drill-down). */
export const revenueCellSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  company: z.coerce.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Only orders whose Odoo and Mailchimp amounts differ (the default: what explains a difference). */
  onlyDiffering: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type RevenueCell = z.output<typeof revenueCellSchema>;

export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.output<T> {
  return schema.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== "")));
}

const ORDER: Record<RevenueFilter["sort"], string> = {
  month: "month #, company_name, currency",
  company: "company_name #, month DESC, currency",
  currency: "currency #, month DESC, company_name",
  net: "odoo_net_cents #, month DESC",
  difference: "abs(difference_cents) #, month DESC",
};

/** ORDER BY of a sort: the direction goes on the sort's own column; ties stay in a fixed order. */
export const revenueOrder = (f: RevenueFilter) => ORDER[f.sort].replace("#", f.dir === "desc" ? "DESC" : "ASC");

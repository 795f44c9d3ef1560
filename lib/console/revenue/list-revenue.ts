import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { REVENUE_PAGE_SIZE, revenueOrder, type RevenueFilter } from "./revenue-filter";

export interface RevenueRow {
  month: string;
  companyId: number;
  companyName: string;
  currency: string;
  odooOrders: number;
  odooGross: number;
  odooRefunds: number;
  odooCancellations: number;
  odooNet: number;
  /** Net of orders whose buyer no audience takes: in the books, never sent to Mailchimp. */
  odooNotForMailchimp: number;
  mailchimpOrders: number;
  mailchimpNet: number;
  mailchimpCancellations: number;
  difference: number;
}

export interface RevenuePoint {
  month: string;
  gross: number;
  refunds: number;
  cancellations: number;
  net: number;
  /** Odoo's net of the orders meant for Mailchimp (buyers an audience takes): what Mailchimp's net should be. */
  expectedInMailchimp: number;
  mailchimpNet: number;
}

const COLUMNS = `to_char(month, 'YYYY-MM') AS month, company_id, company_name, currency, odoo_orders, odoo_gross_cents, odoo_refunds_cents,
  odoo_cancellations_cents, odoo_net_cents, odoo_unrouted_cents, mailchimp_orders, mailchimp_net_cents, mailchimp_cancellations_cents, difference_cents`;

type Raw = { month: string; company_id: number; company_name: string; currency: string; odoo_orders: number; odoo_gross_cents: bigint; odoo_refunds_cents: bigint;
  odoo_cancellations_cents: bigint; odoo_net_cents: bigint; odoo_unrouted_cents: bigint; mailchimp_orders: number; mailchimp_net_cents: bigint; mailchimp_cancellations_cents: bigint; difference_cents: bigint };

/** Cents (bigint in Postgres) to the currency's unit, exact for any amount a business books. */
export const units = (cents: bigint | number) => Number(cents) / 100;

export function toRevenueRow(r: Raw): RevenueRow {
  return {
    month: r.month, companyId: r.company_id, companyName: r.company_name, currency: r.currency,
    odooOrders: r.odoo_orders, odooGross: units(r.odoo_gross_cents), odooRefunds: units(r.odoo_refunds_cents), odooCancellations: units(r.odoo_cancellations_cents),
    odooNet: units(r.odoo_net_cents), odooNotForMailchimp: units(r.odoo_unrouted_cents), mailchimpOrders: r.mailchimp_orders, mailchimpNet: units(r.mailchimp_net_cents),
    mailchimpCancellations: units(r.mailchimp_cancellations_cents), difference: units(r.difference_cents),
  };
}

/** The revenue rows of a pass (every row, in a sort), for the CSV export. */
export async function revenueRows(passId: string, f: Pick<RevenueFilter, "sort" | "dir" | "currency">, limit?: { take: number; skip: number }): Promise<RevenueRow[]> {
  const rows = await getPrisma().$queryRawUnsafe<Raw[]>(
    `SELECT ${COLUMNS} FROM reconcile_revenue WHERE pass_id = $1::uuid AND ($2::text IS NULL OR currency = $2)
     ORDER BY ${revenueOrder({ ...f, page: 1 })}${limit ? ` LIMIT ${limit.take} OFFSET ${limit.skip}` : ""}`,
    passId, f.currency ?? null,
  );
  return rows.map(toRevenueRow);
}

/**
 * The Revenue page's data from the latest succeeded pass: one page of the table (month, company, currency), the
 * chart's series per currency (money of two currencies is never added up), the totals per currency, and what
 * the page needs to say truthfully why something is empty: no pass yet, or no store of ours in Mailchimp yet.
 */
export async function listRevenue(f: RevenueFilter) {
  const prisma = getPrisma();
  const [pass, active] = await Promise.all([
    latestPass(prisma),
    prisma.reconcilePass.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, createdAt: true } }),
  ]);
  const activeWire = active && { id: active.id, status: active.status, createdAt: active.createdAt.toISOString() };
  if (!pass) return { passId: null, finishedAt: null, active: activeWire, stores: [] as string[], total: 0, page: f.page, pageSize: REVENUE_PAGE_SIZE, rows: [] as RevenueRow[], currencies: [] as string[], series: {} as Record<string, RevenuePoint[]> };
  const commerce = ((pass.summary ?? {}) as { commerce?: { stores?: string[] } }).commerce;
  const [rows, count, series] = await Promise.all([
    revenueRows(pass.id, f, { take: REVENUE_PAGE_SIZE, skip: (f.page - 1) * REVENUE_PAGE_SIZE }),
    prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM reconcile_revenue WHERE pass_id = $1::uuid AND ($2::text IS NULL OR currency = $2)`, pass.id, f.currency ?? null),
    prisma.$queryRawUnsafe<{ currency: string; month: string; gross: bigint; refunds: bigint; cancellations: bigint; net: bigint; expected: bigint; mc: bigint }[]>(
      `SELECT currency, to_char(month, 'YYYY-MM') AS month, sum(odoo_gross_cents)::bigint AS gross, sum(odoo_refunds_cents)::bigint AS refunds,
         sum(odoo_cancellations_cents)::bigint AS cancellations, sum(odoo_net_cents)::bigint AS net,
         sum(odoo_net_cents - odoo_unrouted_cents)::bigint AS expected, sum(mailchimp_net_cents)::bigint AS mc
       FROM reconcile_revenue WHERE pass_id = $1::uuid GROUP BY currency, month ORDER BY currency, month`,
      pass.id,
    ),
  ]);
  const bySeries: Record<string, RevenuePoint[]> = {};
  for (const s of series) (bySeries[s.currency] ??= []).push({ month: s.month, gross: units(s.gross), refunds: units(s.refunds), cancellations: units(s.cancellations), net: units(s.net), expectedInMailchimp: units(s.expected), mailchimpNet: units(s.mc) });
  return {
    passId: pass.id, finishedAt: pass.finishedAt?.toISOString() ?? null, active: activeWire, stores: commerce?.stores ?? [],
    total: count[0]?.n ?? 0, page: f.page, pageSize: REVENUE_PAGE_SIZE, rows, currencies: Object.keys(bySeries), series: bySeries,
  };
}

export type RevenueData = Awaited<ReturnType<typeof listRevenue>>;

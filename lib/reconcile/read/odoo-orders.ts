import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import { many2one, odooString, parseOdooDatetime, x2many } from "@/lib/odoo/values";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";

export interface OdooOrdersRead {
  orders: number;
  creditNotes: number;
  /** Posted credit notes no counted order claims (no origin, or an origin that is not a sale.order): not revenue of an order. */
  unlinkedCreditNotes: number;
  /** res.company id -> name, for the Revenue page. */
  companies: Record<number, string>;
}

/** Odoo money is a float in the currency's unit; everything here is whole cents. */
export const toCents = (amount: unknown): number => Math.round((typeof amount === "number" ? amount : 0) * 100);

type SaleOrderRow = {
  id: number;
  name: string;
  state: string;
  partner_id: unknown;
  company_id: unknown;
  currency_id: unknown;
  date_order: string;
  amount_total: number;
  invoice_ids: unknown;
};

type MoveRow = {
  id: number;
  amount_total: number;
  company_id: unknown;
  invoice_origin: unknown;
  reversed_entry_id: unknown;
};

/**
 * The Odoo side of Revenue and of the order gaps, into reconcile_odoo_orders: every confirmed sale.order (state
 * 'sale', locked ones included) and every cancelled one, then the posted customer credit notes (out_refund; draft
 * and cancelled moves count for nothing) attributed to their order: through the invoice they reverse
 * (reversed_entry_id -> invoice_origin) or their own invoice_origin, matched by order name within the company.
 * Quotations are never read. Pages of the policy's Odoo page size; credit notes are few, held by order name.
 */
export async function readOdooOrders(prisma: PrismaClient, odoo: OdooClient, passId: string, pageSize: number): Promise<OdooOrdersRead> {
  const out: OdooOrdersRead = { orders: 0, creditNotes: 0, unlinkedCreditNotes: 0, companies: {} };
  const fields = ["name", "state", "partner_id", "company_id", "currency_id", "date_order", "amount_total", "invoice_ids"];
  for await (const page of odoo.pages<SaleOrderRow>("sale.order", { domain: [["state", "in", ["sale", "cancel"]]], fields, pageSize })) {
    const rows = page.flatMap((o) => {
      const company = many2one(o.company_id);
      const currency = many2one(o.currency_id);
      const at = parseOdooDatetime(o.date_order);
      if (!company || !at) return [];
      out.companies[company.id] = company.name;
      return [{
        id: o.id, name: o.name, partner: many2one(o.partner_id)?.id ?? null, company: company.id, currency: currency?.name || "",
        at: at.toISOString(), state: o.state, invoiced: x2many(o.invoice_ids).length > 0, cents: toCents(o.amount_total),
      }];
    });
    await insertOrders(prisma, passId, rows);
    out.orders += rows.length;
  }
  const refunds = await readCreditNotes(odoo, pageSize);
  out.creditNotes = refunds.count;
  if (refunds.byOrder.length > 0) {
    // Capped at the order's total: Mailchimp's order_total never goes below 0 either.
    const linked = await prisma.$executeRawUnsafe(
      `UPDATE reconcile_odoo_orders o SET refunded_cents = LEAST(o.amount_cents, r.cents)
       FROM jsonb_to_recordset($2::jsonb) AS r(name text, company int, cents bigint)
       WHERE o.pass_id = $1::uuid AND o.name = r.name AND o.company_id = r.company`,
      passId, JSON.stringify(refunds.byOrder),
    );
    out.unlinkedCreditNotes = refunds.unlinked + Math.max(0, refunds.byOrder.length - linked);
  } else out.unlinkedCreditNotes = refunds.unlinked;
  return out;
}

/** Posted out_refund amounts summed per (order name, company). */
async function readCreditNotes(odoo: OdooClient, pageSize: number) {
  const notes: { cents: number; company: number; origin: string | null; reversed: number | null }[] = [];
  for await (const page of odoo.pages<MoveRow>("account.move", {
    domain: [["move_type", "=", "out_refund"], ["state", "=", "posted"]],
    fields: ["amount_total", "company_id", "invoice_origin", "reversed_entry_id"],
    pageSize,
  })) {
    for (const m of page) notes.push({ cents: toCents(m.amount_total), company: many2one(m.company_id)?.id ?? 0, origin: odooString(m.invoice_origin), reversed: many2one(m.reversed_entry_id)?.id ?? null });
  }
  // The reversed invoice names the order even when the credit note's own origin is empty.
  const reversedIds = [...new Set(notes.flatMap((n) => (n.reversed ? [n.reversed] : [])))];
  const invoiceOrigin = new Map<number, string | null>();
  for (let i = 0; i < reversedIds.length; i += odoo.maxPageSize) {
    const invoices = await odoo.read<{ id: number; invoice_origin: unknown }>("account.move", reversedIds.slice(i, i + odoo.maxPageSize), ["invoice_origin"]);
    for (const inv of invoices) invoiceOrigin.set(inv.id, odooString(inv.invoice_origin));
  }
  const sums = new Map<string, { name: string; company: number; cents: number }>();
  let unlinked = 0;
  for (const n of notes) {
    // An origin may list several orders ("S00012, S00015"): the credit note is the first one's.
    const origin = (n.reversed ? invoiceOrigin.get(n.reversed) : null) ?? n.origin;
    const name = origin?.split(",")[0]?.trim();
    if (!name) {
      unlinked++;
      continue;
    }
    const key = `${n.company}:${name}`;
    const sum = sums.get(key) ?? { name, company: n.company, cents: 0 };
    sum.cents += n.cents;
    sums.set(key, sum);
  }
  return { count: notes.length, unlinked, byOrder: [...sums.values()] };
}

async function insertOrders(prisma: PrismaClient, passId: string, rows: { id: number; name: string; partner: number | null; company: number; currency: string; at: string; state: string; invoiced: boolean; cents: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_odoo_orders (pass_id, sale_order_id, name, partner_id, company_id, currency, month, date_order, state, invoiced, amount_cents)
     SELECT $1::uuid, r.id, r.name, r.partner, r.company, r.currency, date_trunc('month', r.at AT TIME ZONE 'UTC')::date, r.at, r.state, r.invoiced, r.cents
     FROM jsonb_to_recordset($2::jsonb) AS r(id int, name text, partner int, company int, currency text, at timestamptz, state text, invoiced boolean, cents bigint)
     ON CONFLICT DO NOTHING`,
    passId, JSON.stringify(rows),
  );
  forgetPrismaQueryLog();
}

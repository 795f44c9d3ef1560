import { prefetch } from "./prefetch";
import { many2one, type OdooClient, type OdooDomain, type OdooRecord } from "@/lib/odoo";
import { refundsByOrderName } from "@/lib/commerce/credit-notes";
import type { BuyingIndex } from "./buying-index";
import { IdBitset } from "./id-bitset";
import { scanCategories } from "./scan-categories";
import { dateSecondsField, datetimeSecondsField, flagField, idField, many2oneField, odooRow, parseRows, type OdooRow, type OdooRowCodec } from "./odoo-row";

const hierarchyRow = odooRow({ id: idField, commercial_partner_id: many2oneField, is_company: flagField });
const orderRow = odooRow({ id: idField, partner_id: many2oneField, company_id: many2oneField, date_order: datetimeSecondsField });
const PURCHASE_FIELDS = ["name", "currency_id", "amount_total"];
const moveRow = odooRow({ id: idField, commercial_partner_id: many2oneField, company_id: many2oneField, invoice_date: dateSecondsField });

/** Confirmed: 'sale' (locked or not, Odoo 17+) or 'done' (up to 16). */
export const CONFIRMED_ORDERS: OdooDomain = [["state", "in", ["sale", "done"]]];
export const POSTED_INVOICES: OdooDomain = [["move_type", "=", "out_invoice"], ["state", "=", "posted"]];

export interface ScanScope {
  /** Extra terms ANDed to each read: nothing for a full run, a commercial-partner chunk for incremental. */
  partners: OdooDomain;
  orders: OdooDomain;
  /** sale.order.line, through its stored order_partner_id (the order's customer). */
  lines: OdooDomain;
  invoices: OdooDomain;
}

export const FULL_SCOPE: ScanScope = { partners: [], orders: [], lines: [], invoices: [] };

/** Chunk of an incremental run: whole families of these commercial partners. */
export function familyScope(commercialIds: number[]): ScanScope {
  return {
    partners: [["commercial_partner_id", "in", commercialIds]],
    orders: [["partner_id.commercial_partner_id", "in", commercialIds]],
    lines: [["order_partner_id.commercial_partner_id", "in", commercialIds]],
    invoices: [["commercial_partner_id", "in", commercialIds]],
  };
}

/**
 * Fills the BuyingIndex: who belongs to which commercial partner (only children and companies need
 * reading: a top-level person is its own), then confirmed orders and posted invoices credited to it.
 */
export async function scanBuying(odoo: OdooClient, buying: BuyingIndex, scope: ScanScope, pageSize: number, opts: { purchases?: boolean } = {}): Promise<{ orders: number; invoices: number }> {
  const full = scope.partners.length === 0;
  const hierarchy: OdooDomain = full ? ["|", ["parent_id", "!=", false], ["is_company", "=", true]] : scope.partners;
  await forEachRow(odoo, "res.partner", hierarchyRow, { fields: ["commercial_partner_id", "is_company"], domain: hierarchy, pageSize, activeTest: false },
    (p) => buying.setPartner(p.id, p.commercial_partner_id?.id ?? p.id, p.is_company));
  // Orders need the hierarchy (credited to the customer's commercial partner); invoices name theirs. The two are
  // independent of each other, so they are read side by side: one stream's parsing overlaps the other's wait.
  // Purchase data (policy commerce.enabled): credit notes first (far fewer than orders), then each order net of them,
  // then the categories of the orders that still count (confirmed, not wholly refunded).
  const refunds = opts.purchases ? await refundsByOrderName(odoo, scope.invoices, pageSize) : null;
  const counted = new IdBitset();
  const [orders, invoices] = await Promise.all([
    forEachRow(odoo, "sale.order", orderRow, { fields: ["partner_id", "company_id", "date_order", ...(refunds ? PURCHASE_FIELDS : [])], domain: [...CONFIRMED_ORDERS, ...scope.orders], pageSize },
      (o, raw) => {
        if (!o.partner_id) return false;
        buying.addOrder(o.partner_id.id, o.date_order, o.company_id?.id ?? 0);
        if (refunds) {
          const total = Math.round((typeof raw.amount_total === "number" ? raw.amount_total : 0) * 100);
          const refunded = refunds.get(typeof raw.name === "string" ? raw.name : "") ?? 0;
          buying.addPurchase(o.partner_id.id, o.date_order, many2one(raw.currency_id)?.id ?? 0, total, refunded);
          if (total - refunded > 0) counted.add(o.id);
        }
      }).then(async (n) => {
        if (refunds) await scanCategories(odoo, buying, counted, scope.lines, pageSize);
        return n;
      }),
    forEachRow(odoo, "account.move", moveRow, { fields: ["commercial_partner_id", "company_id", "invoice_date"], domain: [...POSTED_INVOICES, ...scope.invoices], pageSize },
      (m) => {
        if (!m.commercial_partner_id) return false;
        buying.addInvoice(m.commercial_partner_id.id, m.invoice_date, m.company_id?.id ?? 0);
      }),
  ]);
  return { orders, invoices };
}

/** Every row of a keyset-paged read (next page prefetched) through `visit`; returns how many it did not skip (false). */
async function forEachRow<F extends Parameters<typeof odooRow>[0]>(
  odoo: OdooClient,
  model: string,
  codec: OdooRowCodec<F>,
  read: { fields: string[]; domain: OdooDomain; pageSize: number; activeTest?: boolean },
  visit: (row: OdooRow<F>, raw: OdooRecord) => boolean | void,
): Promise<number> {
  let counted = 0;
  for await (const page of prefetch(odoo.pages(model, read))) {
    const rows = parseRows(codec, model, page);
    rows.forEach((row, i) => {
      if (visit(row, page[i]!) !== false) counted++;
    });
  }
  return counted;
}

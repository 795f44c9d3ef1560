import { many2one, odooString, parseOdooDatetime, x2many, type OdooClient, type OdooDomain, type OdooRecord } from "@/lib/odoo";
import { CREDIT_FIELDS, liveCreditNotes, originNames, POSTED_CREDIT_NOTES } from "./credit-notes";
import type { CreditNote, Product, SaleLine, SaleOrder } from "./types";

/** Confirmed ('sale' locked or not; 'done' up to Odoo 16) and cancelled orders; quotations are never read. */
const ORDER_STATES: OdooDomain = [["state", "in", ["sale", "done", "cancel"]]];
const ORDER_FIELDS = ["name", "state", "date_order", "write_date", "partner_id", "company_id", "currency_id", "amount_total", "amount_tax", "invoice_ids"];
const CHUNK = 200;

export interface CommerceRead {
  orders: SaleOrder[];
  lines: Map<number, SaleLine[]>;
  credits: Map<number, CreditNote[]>;
  products: Map<number, Product>;
  /** order partner id -> its commercial partner id */
  commercialOf: Map<number, number>;
  /** commercial partner id -> every partner of its family (archived included) */
  families: Map<number, number[]>;
}

const chunks = <T>(items: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const num = (v: unknown): number => (typeof v === "number" ? v : 0);

async function all(odoo: OdooClient, model: string, domain: OdooDomain, fields: string[], activeTest = true): Promise<OdooRecord[]> {
  const out: OdooRecord[] = [];
  for await (const page of odoo.pages(model, { domain, fields, pageSize: 1000, ...(activeTest ? {} : { activeTest: false }) })) out.push(...page);
  return out;
}

/**
 * Orders per chunk of a commerce step: each chunk is read (lines, credit notes, families, products), planned and
 * written before the next is read, so a step holds 5,000 orders whatever the business's size. A multiple of the
 * 200-order reads below, so their boundaries are those of one read of every order.
 */
export const ORDERS_PER_CHUNK = 5_000;

/**
 * Everything one commerce step needs from Odoo, a chunk of orders at a time (in id order). since null: every
 * confirmed or cancelled order (full runs and the first load). Otherwise the orders written since, plus the
 * orders of credit notes written since (a refund posted, cancelled or reversed changes the order's total without
 * touching the order). `only`: those orders. A credit note counts once in the whole step, however many chunks
 * name its orders.
 */
export async function* readCommerceChunks(odoo: OdooClient, since: Date | null, only?: number[], ordersPerChunk = ORDERS_PER_CHUNK): AsyncGenerator<CommerceRead> {
  const creditsSeen = new Set<number>();
  let rows: OdooRecord[] = [];
  let orders: SaleOrder[] = [];
  const take = (r: OdooRecord): boolean => {
    const order = toOrder(r);
    if (order) {
      rows.push(r);
      orders.push(order);
    }
    return orders.length >= ordersPerChunk;
  };
  const flush = async (): Promise<CommerceRead> => {
    const read = await readChunk(odoo, orders, rows, creditsSeen);
    rows = [];
    orders = [];
    return read;
  };
  for await (const page of orderPages(odoo, since, only)) for (const r of page) if (take(r)) yield await flush();
  if (orders.length > 0) yield await flush();
}

/** The order rows of a step, as pages: by id, or written since (then those of changed credit notes), or all. */
async function* orderPages(odoo: OdooClient, since: Date | null, only?: number[]): AsyncGenerator<OdooRecord[]> {
  if (only) {
    for (const part of chunks([...new Set(only)], 1000)) yield await all(odoo, "sale.order", [...ORDER_STATES, ["id", "in", part]], ORDER_FIELDS);
    return;
  }
  const sinceTerm: OdooDomain = since ? [["write_date", ">=", formatSince(since)]] : [];
  // Incremental runs only: the changed orders' ids, so an order also named by a changed credit note comes once.
  const known = new Set<number>();
  for await (const page of odoo.pages("sale.order", { domain: [...ORDER_STATES, ...sinceTerm], fields: ORDER_FIELDS, pageSize: 1000 })) {
    if (since) for (const r of page) known.add(r.id);
    yield page;
  }
  if (!since) return;
  const names = await orderNamesOfChangedCredits(odoo, sinceTerm);
  for (const part of chunks(names)) yield (await all(odoo, "sale.order", [...ORDER_STATES, ["name", "in", part]], ORDER_FIELDS)).filter((r) => !known.has(r.id));
}

async function readChunk(odoo: OdooClient, orders: SaleOrder[], rows: OdooRecord[], creditsSeen: Set<number>): Promise<CommerceRead> {
  const invoicesOf = new Map(rows.map((r) => [r.id, x2many(r.invoice_ids)]));
  const [lines, credits, families] = await Promise.all([readLines(odoo, orders), readCredits(odoo, orders, invoicesOf, creditsSeen), readFamilies(odoo, orders)]);
  const productIds = [...new Set([...lines.values()].flat().map((l) => l.productId))];
  return { orders, lines, credits, products: await readProducts(odoo, productIds), ...families };
}

function formatSince(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function toOrder(r: OdooRecord): SaleOrder | null {
  const partner = many2one(r.partner_id);
  const date = parseOdooDatetime(r.date_order);
  if (!partner || !date) return null;
  return {
    id: r.id, name: odooString(r.name) ?? `SO${r.id}`, state: r.state as SaleOrder["state"], dateOrder: date,
    writeDate: parseOdooDatetime(r.write_date) ?? date, partnerId: partner.id, companyId: many2one(r.company_id)?.id ?? 0, companyName: many2one(r.company_id)?.name ?? "",
    currency: many2one(r.currency_id)?.name ?? "", amountTotal: num(r.amount_total), amountTax: num(r.amount_tax),
  };
}

async function orderNamesOfChangedCredits(odoo: OdooClient, sinceTerm: OdooDomain): Promise<string[]> {
  const moves = await all(odoo, "account.move", [["move_type", "=", "out_refund"], ...sinceTerm], ["invoice_origin", "reversed_entry_id"]);
  const names = new Set(moves.flatMap((m) => originNames(m.invoice_origin)));
  const invoiceIds = [...new Set(moves.flatMap((m) => many2one(m.reversed_entry_id)?.id ?? []))];
  for (const part of chunks(invoiceIds)) for (const inv of await odoo.read("account.move", part, ["invoice_origin"])) for (const n of originNames(inv.invoice_origin)) names.add(n);
  return [...names];
}


async function readLines(odoo: OdooClient, orders: SaleOrder[]): Promise<Map<number, SaleLine[]>> {
  const out = new Map<number, SaleLine[]>();
  for (const part of chunks(orders.map((o) => o.id))) {
    // Section and note lines carry no product and no money: skipped.
    const rows = await all(odoo, "sale.order.line", [["order_id", "in", part], ["display_type", "=", false]], ["order_id", "product_id", "product_uom_qty", "price_unit", "discount"]);
    for (const r of rows) {
      const orderId = many2one(r.order_id)?.id;
      const productId = many2one(r.product_id)?.id;
      if (!orderId || !productId) continue;
      const line: SaleLine = { id: r.id, orderId, productId, quantity: num(r.product_uom_qty), priceUnit: num(r.price_unit), discountPercent: num(r.discount) };
      const list = out.get(orderId);
      if (list) list.push(line);
      else out.set(orderId, [line]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.id - b.id);
  return out;
}

/**
 * Posted out_refund moves linked to an order by invoice_origin (the order's name) or by the invoice they
 * reverse. A credit note that was itself reversed (payment_state 'reversed', or a posted reversal) counts for
 * nothing; draft and cancelled ones are never read. Each note counts once, for the first order it names.
 */
async function readCredits(odoo: OdooClient, orders: SaleOrder[], invoicesOf: Map<number, number[]>, seen: Set<number>): Promise<Map<number, CreditNote[]>> {
  const out = new Map<number, CreditNote[]>();
  for (const part of chunks(orders)) {
    const byName = new Map(part.map((o) => [o.name, o.id]));
    const byInvoice = new Map(part.flatMap((o) => (invoicesOf.get(o.id) ?? []).map((inv) => [inv, o.id] as const)));
    const domain: OdooDomain = [...POSTED_CREDIT_NOTES, "|", ["invoice_origin", "in", [...byName.keys()]], ["reversed_entry_id", "in", [...byInvoice.keys()]]];
    for (const m of await liveCreditNotes(odoo, await all(odoo, "account.move", domain, CREDIT_FIELDS))) {
      if (seen.has(m.id)) continue;
      const orderId = originNames(m.invoice_origin).map((n) => byName.get(n)).find((id) => id !== undefined)
        ?? byInvoice.get(many2one(m.reversed_entry_id)?.id ?? 0);
      if (orderId === undefined) continue;
      seen.add(m.id);
      const note: CreditNote = { id: m.id, orderId, amountTotal: num(m.amount_total), amountTax: num(m.amount_tax) };
      const list = out.get(orderId);
      if (list) list.push(note);
      else out.set(orderId, [note]);
    }
  }
  return out;
}

function readFamilies(odoo: OdooClient, orders: SaleOrder[]): Promise<Pick<CommerceRead, "commercialOf" | "families">> {
  return readPartnerFamilies(odoo, orders.map((o) => o.partnerId));
}

/**
 * Each buyer's commercial partner and that partner's whole family (archived included): what selectCustomer needs
 * to pick an order's customer. Shared with the reconciliation, which must expect orders where this sync puts them.
 */
export async function readPartnerFamilies(odoo: OdooClient, buyers: number[]): Promise<Pick<CommerceRead, "commercialOf" | "families">> {
  const commercialOf = new Map<number, number>();
  const partnerIds = [...new Set(buyers)];
  for (const part of chunks(partnerIds)) {
    for (const p of await odoo.read("res.partner", part, ["commercial_partner_id"], { activeTest: false })) commercialOf.set(p.id, many2one(p.commercial_partner_id)?.id ?? p.id);
  }
  const families = new Map<number, number[]>();
  for (const part of chunks([...new Set(commercialOf.values())])) {
    for (const p of await all(odoo, "res.partner", [["commercial_partner_id", "in", part]], ["commercial_partner_id"], false)) {
      const c = many2one(p.commercial_partner_id)?.id ?? p.id;
      const list = families.get(c);
      if (list) list.push(p.id);
      else families.set(c, [p.id]);
    }
  }
  return { commercialOf, families };
}

/** Archived products still resolve: old orders refer to them (read by id, whatever active says). */
async function readProducts(odoo: OdooClient, ids: number[]): Promise<Map<number, Product>> {
  const meta = await odoo.fieldsGet("product.product", ["type"]);
  const hasTemplate = "product_tmpl_id" in meta;
  const fields = ["name", "default_code", "lst_price", "categ_id", ...(hasTemplate ? ["product_tmpl_id"] : [])];
  const out = new Map<number, Product>();
  let rows: OdooRecord[] = [];
  for (const part of chunks(ids)) rows.push(...(await odoo.read("product.product", part, fields, { activeTest: false })));
  if (hasTemplate) {
    // Every variant of a template, so a product's payload (and its hash) does not depend on which orders a run read.
    const templates = [...new Set(rows.flatMap((p) => many2one(p.product_tmpl_id)?.id ?? []))];
    rows = [];
    for (const part of chunks(templates)) rows.push(...(await all(odoo, "product.product", [["product_tmpl_id", "in", part]], fields, false)));
  }
  for (const p of rows) {
    const template = hasTemplate ? many2one(p.product_tmpl_id) : null;
    const name = odooString(p.name) ?? `Product ${p.id}`;
    out.set(p.id, {
      id: p.id, templateId: template?.id ?? p.id, name, templateName: template?.name ?? name, sku: odooString(p.default_code) ?? "",
      price: num(p.lst_price), category: many2one(p.categ_id)?.name ?? "",
    });
  }
  return out;
}

import { many2one, odooString, type OdooClient, type OdooDomain } from "@/lib/odoo";
import type { BuyingIndex } from "./buying-index";
import type { IdBitset } from "./id-bitset";
import { prefetch } from "./prefetch";

/** Product lines of confirmed orders (section and note lines have no product; a zero quantity sells nothing). */
const PRODUCT_LINES: OdooDomain = [["state", "in", ["sale", "done"]], ["display_type", "=", false], ["product_id", "!=", false], ["product_uom_qty", ">", 0]];

/**
 * Fills the BuyingIndex's bought categories: every product line of a counted order (confirmed, not wholly refunded:
 * `counted`, filled by scanBuying) adds its product's category (product.product's categ_id, its template's; complete
 * names from product.category) to the order's commercial partner. One keyset read of the lines with their stored
 * related order_partner_id and state, plus, per page, one read of the products not seen yet and one of their
 * categories: a catalogue is read once whatever the number of lines, and no line costs a request of its own.
 */
export async function scanCategories(odoo: OdooClient, buying: BuyingIndex, counted: IdBitset, scope: OdooDomain, pageSize: number): Promise<number> {
  const categoryOf = new Map<number, number>();
  let lines = 0;
  const fields = ["order_id", "order_partner_id", "product_id"];
  for await (const page of prefetch(odoo.pages("sale.order.line", { fields, domain: [...PRODUCT_LINES, ...scope], pageSize }))) {
    const rows = page.flatMap((r) => {
      const order = many2one(r.order_id)?.id;
      const partner = many2one(r.order_partner_id)?.id;
      const product = many2one(r.product_id)?.id;
      return order && partner && product && counted.has(order) ? [{ partner, product }] : [];
    });
    await learnProducts(odoo, buying, categoryOf, rows.map((r) => r.product));
    for (const { partner, product } of rows) {
      const category = categoryOf.get(product);
      if (!category) continue;
      buying.categories.add(buying.commercialOf(partner), category);
      lines++;
    }
  }
  return lines;
}

/** The category of each product not seen yet (archived ones too: old orders name them), and those categories' names. */
async function learnProducts(odoo: OdooClient, buying: BuyingIndex, categoryOf: Map<number, number>, productIds: number[]): Promise<void> {
  const unknown = [...new Set(productIds.filter((id) => !categoryOf.has(id)))];
  if (unknown.length === 0) return;
  const categories = new Set<number>();
  for (const part of chunks(unknown, odoo.maxPageSize)) {
    for (const p of await odoo.read("product.product", part, ["categ_id"], { activeTest: false })) {
      const category = many2one(p.categ_id)?.id ?? 0;
      categoryOf.set(p.id, category);
      if (category && !buying.categories.hasName(category)) categories.add(category);
    }
  }
  for (const part of chunks([...categories], odoo.maxPageSize)) {
    for (const c of await odoo.read("product.category", part, ["complete_name"])) {
      const name = odooString(c.complete_name);
      if (name) buying.categories.setName(c.id, name);
    }
  }
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

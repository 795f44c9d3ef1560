import { beforeAll, describe, expect, it } from "vitest";
import { put } from "@/emulators/odoo/data/put";
import { orderIdFor, storeIdFor } from "@/lib/commerce/ids";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { COMMERCE_FIXTURE } from "./fixture";
import { startCommerceWorld } from "./world";

/**
 * Issue 11's category tags and order lines removed in Odoo, against both emulators. The commerce fixture with
 * Odoo's category tree (All / Saleable / Mugs, All / Saleable / Tea), two more lines (Acme's order also holds mugs,
 * Cleo's a teapot) and a second order of Eve's, a teapot. Tags follow what each buyer still has on confirmed, not wholly refunded orders; lines Odoo
 * no longer has leave Mailchimp's orders; hand-made tags are never touched; a run with nothing new writes nothing.
 */
const FIXTURE = {
  ...COMMERCE_FIXTURE,
  "product.category": [{ id: 1, name: "All" }, { id: 2, name: "Saleable", parent_id: 1 }, { id: 3, name: "Mugs", parent_id: 2 }, { id: 4, name: "Tea", parent_id: 2 }],
  "product.product": COMMERCE_FIXTURE["product.product"].map((p) => ({ ...p, categ_id: p.id === 12 ? 4 : 3 })),
  "sale.order": [...COMMERCE_FIXTURE["sale.order"], { id: 9, name: "S00009", state: "sale", locked: false, date_order: "2025-09-02 10:00:00", partner_id: 120,
    partner_invoice_id: 120, partner_shipping_id: 120, company_id: 2, currency_id: 2, amount_untaxed: 30, amount_tax: 0, amount_total: 30 }],
  "sale.order.line": [
    ...COMMERCE_FIXTURE["sale.order.line"],
    { id: 13, order_id: 9, product_id: 12, name: "Teapot", product_uom_qty: 1, price_unit: 30, discount: 0, display_type: false },
    { id: 11, order_id: 5, product_id: 10, name: "Mugs for the office", product_uom_qty: 2, price_unit: 25, discount: 0, display_type: false },
    { id: 12, order_id: 8, product_id: 12, name: "Teapot", product_uom_qty: 1, price_unit: 0, discount: 0, display_type: false },
  ],
};
const MUGS = "odoo:category-all/saleable/mugs";
const TEA = "odoo:category-all/saleable/tea";

const { db, mc, odooEmu, NORTH, EUROPE, sync, writes, member } = await startCommerceWorld(FIXTURE);
const northStore = storeIdFor(1, NORTH, "USD");

/** A member's tags other than the lifecycle stage ones. */
const tags = (listId: string, email: string) => [...member(listId, email).tags.values()].map((t) => t.name).filter((t) => !t.startsWith("odoo:stage-")).sort();
const lineIds = (soId: number) => (mc.state.account.stores.get(northStore)!.orders.get(orderIdFor(soId))?.lines as Array<{ id: string }> | undefined)?.map((l) => l.id);
const later = () => Math.floor(Date.now() / 1000) + 5;

beforeAll(async () => {
  await savePolicy(db.prisma, parsePolicy({
    routing: { rules: [{ name: "North", audienceId: NORTH, companyIds: [1] }, { name: "Europe", audienceId: EUROPE, companyIds: [2] }] },
    tags: { customerType: false, company: false }, commerce: { enabled: true },
  }));
});

describe("product-category tags", () => {
  it("tags each buyer with the complete names of the categories on their counted orders", async () => {
    expect((await sync("full")).status).toBe("succeeded");
    // Ann: two confirmed mug orders (one partly refunded); her cancelled one counts for nothing.
    expect(tags(NORTH, "ann.archer@buyers.io")).toEqual([MUGS]);
    // Ben's only order was wholly refunded: no category.
    expect(tags(NORTH, "ben.baker@buyers.io")).toEqual([]);
    // Cleo's quotation for a teapot does not count; her confirmed order holds a mug and a teapot.
    expect(tags(NORTH, "cleo.cole@buyers.io")).toEqual([MUGS, TEA]);
    // Acme's order is credited to the company: its contact gets both.
    expect(tags(NORTH, "dan.dunn@acme-corp.io")).toEqual([MUGS, TEA]);
    // An archived product still names its category.
    expect(tags(EUROPE, "eve.ellis@buyers.eu")).toEqual([MUGS, TEA]);
    expect(lineIds(5)).toEqual(["sol-7", "sol-11"]);
    const before = await writes();
    expect((await sync("incremental")).status).toBe("succeeded");
    expect(await writes()).toBe(before);
  });

  it("removes lines Odoo no longer has from Mailchimp's orders, and the tags no longer true, never a hand-made tag", async () => {
    // Someone tagged Dan and Eve by hand in Mailchimp, with names like ours but outside the namespace.
    for (const [list, email] of [[NORTH, "dan.dunn@acme-corp.io"], [EUROPE, "eve.ellis@buyers.eu"]] as const) {
      const res = await fetch(`${mc.url}/lists/${list}/members/${member(list, email).hash}/tags`, { method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`any:${mc.apiKey}`).toString("base64")}`, "content-type": "application/json" },
        body: JSON.stringify({ tags: [{ name: "category-all/saleable/mugs", status: "active" }] }) });
      expect(res.status).toBe(204);
    }
    // Odoo keeps a confirmed order's product lines (set the quantity to 0 instead): a line leaves an order that
    // went back to quotation and was confirmed again. The rows as they end up (raw: cents, epoch seconds):
    const now = later();
    const lines = odooEmu.store.table("sale.order.line");
    // Acme's mug line deleted; Cleo's teapot brought to zero; Ann's locked order's only product line deleted, a note left.
    lines.remove(new Set([11, 9]));
    put(odooEmu.store, "sale.order.line", { order_id: 7, sequence: 20, product_id: false, name: "Replaced by a gift card", product_uom_qty: 0, price_unit: 0,
      discount: 0, display_type: "line_note", create_date: now, write_date: now, create_uid: 2, write_uid: 2 });
    Object.assign(odooEmu.store.get("sale.order", 5)!, { amount_total: 18_000, write_date: now });
    Object.assign(odooEmu.store.get("sale.order.line", 12)!, { product_uom_qty: 0, write_date: now });
    Object.assign(odooEmu.store.get("sale.order", 8)!, { write_date: now });
    Object.assign(odooEmu.store.get("sale.order", 7)!, { write_date: now });
    // Eve's mug order cancelled (her teapot order stands).
    Object.assign(odooEmu.store.get("sale.order", 6)!, { state: "cancel", write_date: now });

    const run = await sync("incremental");
    expect(run.status).toBe("succeeded");
    expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ linesDeleted: 2, ordersDeleted: 1, failed: 0 });
    expect(lineIds(5)).toEqual(["sol-7"]);
    expect(lineIds(8)).toEqual(["sol-10"]);
    // An order left without a product line cannot stay in Mailchimp (an order has at least one line): deleted.
    expect(lineIds(7)).toBeUndefined();
    expect(await db.prisma.commerceRecord.count({ where: { storeId: northStore, kind: "order", recordId: orderIdFor(7) } })).toBe(0);
    expect(mc.state.account.stores.get(northStore)!.orders.get(orderIdFor(5))).toMatchObject({ order_total: 180 });

    expect(tags(NORTH, "dan.dunn@acme-corp.io")).toEqual(["category-all/saleable/mugs", TEA]);
    expect(tags(NORTH, "cleo.cole@buyers.io")).toEqual([MUGS]);
    expect(tags(NORTH, "ann.archer@buyers.io")).toEqual([MUGS]);
    expect(tags(EUROPE, "eve.ellis@buyers.eu")).toEqual(["category-all/saleable/mugs", TEA]);
    expect(mc.state.account.notifications).toEqual([]);

    const before = await writes();
    expect((await sync("incremental")).status).toBe("succeeded");
    expect(await writes()).toBe(before);
  });

  it("tags a buyer again when a new order brings the category back", async () => {
    const now = later();
    put(odooEmu.store, "sale.order.line", { order_id: 1, sequence: 20, product_id: 12, name: "Teapot", product_uom_qty: 1, price_unit: 0, discount: 0,
      display_type: false, create_date: now, write_date: now, create_uid: 2, write_uid: 2 });
    Object.assign(odooEmu.store.get("sale.order", 1)!, { write_date: now });
    expect((await sync("incremental")).status).toBe("succeeded");
    expect(tags(NORTH, "ann.archer@buyers.io")).toEqual([MUGS, TEA]);
    expect(lineIds(1)).toEqual(["sol-2", expect.stringMatching(/^sol-\d+$/)]);
  });
});

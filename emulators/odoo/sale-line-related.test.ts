// sale.order.line's stored related fields (Odoo 17 sale_order_line.py: state, order_partner_id, company_id,
// currency_id, salesman_id, related to the order with store=True) and product.category's stored complete_name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emu, kw, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ generate: 60, seed: 3 }); });
afterAll(() => emu.close());

describe("sale.order.line related fields", () => {
  it("reports them stored, searchable and sortable like Odoo", async () => {
    const meta = await ok(emu, "sale.order.line", "fields_get", [["state", "order_partner_id", "company_id", "currency_id", "salesman_id"]], { attributes: ["type", "store", "searchable", "sortable", "relation"] });
    expect(meta.state).toMatchObject({ type: "selection", store: true, searchable: true, sortable: true });
    expect(meta.order_partner_id).toMatchObject({ type: "many2one", relation: "res.partner", store: true, searchable: true });
    for (const f of ["company_id", "currency_id", "salesman_id"]) expect(meta[f].store).toBe(true);
    const cat = await ok(emu, "product.category", "fields_get", [["complete_name"]], { attributes: ["store", "searchable"] });
    expect(cat.complete_name).toEqual({ store: true, searchable: true });
  });

  it("reads and searches them as the order's, following the order when it changes", async () => {
    const [order] = await ok(emu, "sale.order", "search_read", [[["state", "=", "sale"], ["order_line", "!=", false]]], { fields: ["partner_id", "company_id", "currency_id", "order_line"], limit: 1 });
    const lines = await ok(emu, "sale.order.line", "read", [order.order_line, ["state", "order_partner_id", "company_id", "currency_id"]]);
    for (const l of lines) expect(l).toMatchObject({ state: "sale", order_partner_id: order.partner_id, company_id: order.company_id, currency_id: order.currency_id });
    const commercial = (await ok(emu, "res.partner", "read", [[order.partner_id[0]], ["commercial_partner_id"]]))[0].commercial_partner_id[0];
    const found = await ok(emu, "sale.order.line", "search", [[["order_partner_id.commercial_partner_id", "=", commercial], ["state", "=", "sale"], ["order_id", "=", order.id]]]);
    expect(found.sort()).toEqual([...order.order_line].sort());
    emu.store.get("sale.order", order.id)!.state = "cancel";
    expect(await ok(emu, "sale.order.line", "search", [[["state", "=", "sale"], ["order_id", "=", order.id]]])).toEqual([]);
    expect((await ok(emu, "sale.order.line", "read", [[order.order_line[0]], ["state"]]))[0].state).toBe("cancel");
  });

  it("refuses to delete a confirmed order's product line, as Odoo 17 does", async () => {
    const [order] = await ok(emu, "sale.order", "search_read", [[["state", "=", "sale"], ["order_line", "!=", false]]], { fields: ["order_line"], limit: 1 });
    const res = await kw(emu, "sale.order.line", "unlink", [[order.order_line[0]]]);
    expect(res.error.data).toMatchObject({ name: "odoo.exceptions.UserError", message: expect.stringContaining("Set the quantity to 0 instead.") });
    await ok(emu, "sale.order.line", "write", [[order.order_line[0]], { product_uom_qty: 0 }]);
  });

  it("gives generated products Odoo's category tree, with complete names", async () => {
    const cats = await ok(emu, "product.category", "search_read", [[]], { fields: ["complete_name"], order: "complete_name" });
    expect(cats.map((c: { complete_name: string }) => c.complete_name)).toEqual(expect.arrayContaining(["All / Saleable / Office Furniture / Desks", "All / Saleable / Services"]));
    const [product] = await ok(emu, "product.product", "search_read", [[["default_code", "=", "FURN_0096"]]], { fields: ["categ_id"] });
    expect(product.categ_id[1]).toBe("All / Saleable / Office Furniture / Desks");
  });
});

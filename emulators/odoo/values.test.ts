// Value shapes from odoo-api.md: false for empty (strings too), many2one pairs, x2many
// id lists, naive UTC datetimes, and partner fields Odoo computes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE } from "./fixture-data.js";
import { type Emu, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ fixture: FIXTURE }); });
afterAll(() => emu.close());

it("formats empty values as false, many2one as [id, name], x2many as ids", async () => {
  const [p] = await ok(emu, "res.partner", "read", [[11], ["name", "phone", "mobile", "parent_id", "category_id", "child_ids", "email_normalized", "commercial_partner_id", "display_name"]]);
  expect(p).toEqual({ id: 11, name: "Brandon Freeman", phone: false, mobile: false, parent_id: [10, "Azure Interior"], category_id: [],
    child_ids: [], email_normalized: "brandon.freeman@azure.example.com", commercial_partner_id: [10, "Azure Interior"],
    display_name: "Azure Interior, Brandon Freeman" });
});

it("shows archived children only with active_test false", async () => {
  const [a] = await ok(emu, "res.partner", "read", [[11], ["child_ids"]]);
  expect(a.child_ids).toEqual([]);
  const [b] = await ok(emu, "res.partner", "read", [[11], ["child_ids"]], { context: { active_test: false } });
  expect(b.child_ids).toEqual([13]);
});

it("names address-type children after their company", async () => {
  const [p] = await ok(emu, "res.partner", "read", [[12], ["name", "display_name", "type"]]);
  expect(p).toEqual({ id: 12, name: false, display_name: "Azure Interior, Invoice Address", type: "invoice" });
});

it("uses the first address of a multi-address email as email_normalized", async () => {
  const [p] = await ok(emu, "res.partner", "read", [[13], ["email", "email_normalized"]]);
  expect(p.email_normalized).toBe("a@x.com");
});

it("returns datetimes as 'YYYY-MM-DD HH:MM:SS' and money as floats", async () => {
  const [o] = await ok(emu, "sale.order", "read", [[1], ["date_order", "amount_total", "partner_id", "state", "write_date"]]);
  expect(o.date_order).toBe("2024-05-01 09:30:00");
  expect(o.write_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(o.amount_total).toBe(115);
  expect(o.partner_id).toEqual([11, "Azure Interior, Brandon Freeman"]);
});

it("computes is_blacklisted and partner_share", async () => {
  const rows = await ok(emu, "res.partner", "read", [[1, 21, 22], ["is_blacklisted", "partner_share"]]);
  expect(rows).toEqual([{ id: 1, is_blacklisted: false, partner_share: false }, { id: 21, is_blacklisted: true, partner_share: true },
    { id: 22, is_blacklisted: false, partner_share: true }]);
});

it("leaves out ids that do not exist and keeps the requested order", async () => {
  const rows = await ok(emu, "res.partner", "read", [[21, 999, 10], ["name"]]);
  expect(rows.map((r: { id: number }) => r.id)).toEqual([21, 10]);
});

it("describes fields with fields_get attributes", async () => {
  const f = await ok(emu, "res.partner", "fields_get", [], { attributes: ["type", "string", "relation", "required"] });
  expect(f.parent_id).toEqual({ type: "many2one", string: "Related Company", relation: "res.partner", required: false });
  expect(f.email.type).toBe("char");
  expect(f.mobile).toBeDefined();
});

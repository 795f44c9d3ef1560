// create/write/unlink with Odoo's side effects and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emu, json2, kw, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ generate: 200, seed: 5 }); });
afterAll(() => emu.close());

describe("res.partner", () => {
  it("create recomputes email_normalized, commercial partner and display name", async () => {
    const company = await ok(emu, "res.partner", "create", [{ name: "Emulated Co", company_type: "company" }]);
    const contact = await ok(emu, "res.partner", "create", [{ name: "Ann Lee", parent_id: company, email: " Ann.Lee@Emulated.CO " }]);
    const [p] = await ok(emu, "res.partner", "read", [[contact], ["email_normalized", "commercial_partner_id", "display_name", "is_company", "create_date", "write_date"]]);
    expect(p).toMatchObject({ email_normalized: "ann.lee@emulated.co", commercial_partner_id: [company, "Emulated Co"], display_name: "Emulated Co, Ann Lee", is_company: false });
    expect(p.create_date).toBe(p.write_date);
    await ok(emu, "res.partner", "write", [[company], { name: "Renamed Co" }]);
    const [q] = await ok(emu, "res.partner", "read", [[contact], ["display_name"]]);
    expect(q.display_name).toBe("Renamed Co, Ann Lee");
  });
  it("create with a list returns a list of ids; a dict returns one id", async () => {
    const many = await ok(emu, "res.partner", "create", [[{ name: "A1" }, { name: "A2" }]]);
    expect(many).toHaveLength(2);
    expect(typeof (await ok(emu, "res.partner", "create", [{ name: "A3" }]))).toBe("number");
    const j2 = await json2(emu, "res.partner", "create", { vals_list: [{ name: "A4" }] });
    expect(j2.status).toBe(200);
    expect(Array.isArray(j2.body)).toBe(true);
  });
  it("refuses unknown fields, bad selections and a contact without a name", async () => {
    expect((await kw(emu, "res.partner", "create", [{ name: "x", nope: 1 }])).error.data.message).toBe("Invalid field 'nope' on model 'res.partner'");
    expect((await kw(emu, "res.partner", "create", [{ name: "x", type: "weird" }])).error.data.name).toBe("builtins.ValueError");
    expect((await kw(emu, "res.partner", "create", [{ email: "x@y.com" }])).error.data.name).toBe("odoo.exceptions.ValidationError");
  });
  it("write on a missing id is a MissingError", async () => {
    expect((await kw(emu, "res.partner", "write", [[99_999_999], { name: "x" }])).error.data.name).toBe("odoo.exceptions.MissingError");
  });
  it("unlink works without orders and is refused with them", async () => {
    const id = await ok(emu, "res.partner", "create", [{ name: "Temp" }]);
    expect(await ok(emu, "res.partner", "unlink", [[id]])).toBe(true);
    expect(await ok(emu, "res.partner", "search", [[["id", "=", id]]], { context: { active_test: false } })).toEqual([]);
    const [order] = await ok(emu, "sale.order", "search_read", [[]], { fields: ["partner_id"], limit: 1 });
    const r = await kw(emu, "res.partner", "unlink", [[order.partner_id[0]]]);
    expect(r.error.data.name).toBe("odoo.exceptions.ValidationError");
  });
  it("a confirmed order cannot be deleted", async () => {
    const [id] = await ok(emu, "sale.order", "search", [[["state", "=", "sale"]]], { limit: 1 });
    const r = await kw(emu, "sale.order", "unlink", [[id]]);
    expect(r.error.data).toMatchObject({ name: "odoo.exceptions.UserError" });
  });
});

describe("mail.blacklist", () => {
  it("normalizes, returns the existing row for a known email, and drives is_blacklisted", async () => {
    const pid = await ok(emu, "res.partner", "create", [{ name: "Opt Out", email: "Opt.Out@Example.org" }]);
    const a = await ok(emu, "mail.blacklist", "create", [{ email: "OPT.OUT@example.org" }]);
    const b = await ok(emu, "mail.blacklist", "create", [{ email: "opt.out@EXAMPLE.org" }]);
    expect(b).toBe(a);
    const [row] = await ok(emu, "mail.blacklist", "read", [[a], ["email", "active"]]);
    expect(row).toEqual({ id: a, email: "opt.out@example.org", active: true });
    expect((await ok(emu, "res.partner", "read", [[pid], ["is_blacklisted"]]))[0].is_blacklisted).toBe(true);
    await ok(emu, "mail.blacklist", "write", [[a], { active: false }]);
    expect((await ok(emu, "res.partner", "read", [[pid], ["is_blacklisted"]]))[0].is_blacklisted).toBe(false);
    expect(await ok(emu, "mail.blacklist", "unlink", [[a]])).toBe(true);
  });
  it("rejects an invalid address with a UserError", async () => {
    const r = await kw(emu, "mail.blacklist", "create", [{ email: "n/a" }]);
    expect(r.error.data).toMatchObject({ name: "odoo.exceptions.UserError", message: "Invalid email address 'n/a'" });
  });
});

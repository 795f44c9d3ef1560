// Invariants of the generated business: money adds up to the cent, credit notes link to
// their invoices, the population has every kind of partner a marketing sync must sort.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRequiredFields } from "./data/fixture.js";
import type { Rec } from "./schema/types.js";
import { type Emu, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ generate: 3000, seed: 11 }); });
afterAll(() => emu.close());

const rows = (model: string): Rec[] => emu.store.table(model).rows;

describe("money", () => {
  it("orders: total = untaxed + tax = sum of line totals (cents)", () => {
    const byOrder = new Map<number, number>();
    for (const l of rows("sale.order.line")) {
      expect(l.price_total).toBe(Number(l.price_subtotal) + Number(l.price_tax));
      byOrder.set(Number(l.order_id), (byOrder.get(Number(l.order_id)) ?? 0) + Number(l.price_total));
    }
    for (const o of rows("sale.order")) {
      expect(o.amount_total).toBe(Number(o.amount_untaxed) + Number(o.amount_tax));
      expect(o.amount_total).toBe(byOrder.get(o.id) ?? 0);
    }
  });
  it("moves: totals positive, signed totals negative for refunds, lines add up", () => {
    const byMove = new Map<number, number>();
    for (const l of rows("account.move.line")) byMove.set(Number(l.move_id), (byMove.get(Number(l.move_id)) ?? 0) + Number(l.price_total));
    for (const m of rows("account.move")) {
      expect(m.amount_total).toBe(Number(m.amount_untaxed) + Number(m.amount_tax));
      expect(m.amount_total).toBe(byMove.get(m.id));
      expect(Number(m.amount_total)).toBeGreaterThan(0);
      expect(Math.sign(Number(m.amount_total_signed))).toBe(m.move_type === "out_invoice" ? 1 : -1);
    }
  });
  it("the API reports the same amounts in currency units", async () => {
    const [o] = await ok(emu, "sale.order", "search_read", [[["state", "=", "sale"]]], { fields: ["amount_total", "amount_untaxed", "amount_tax", "order_line"], limit: 1 });
    const lines = await ok(emu, "sale.order.line", "read", [o.order_line, ["price_total"]]);
    const sum = lines.reduce((s: number, l: { price_total: number }) => s + Math.round(l.price_total * 100), 0);
    expect(Math.round(o.amount_total * 100)).toBe(sum);
  });
});

describe("sales lifecycle", () => {
  it("has every order state, locked orders, section and note lines, discounts", () => {
    const states = new Set(rows("sale.order").map((o) => o.state));
    expect([...states].sort()).toEqual(["cancel", "draft", "sale", "sent"]);
    expect(rows("sale.order").some((o) => o.locked === true)).toBe(true);
    const types = new Set(rows("sale.order.line").map((l) => l.display_type));
    expect(types).toEqual(new Set([false, "line_section", "line_note"]));
    expect(rows("sale.order.line").filter((l) => l.display_type).every((l) => l.product_id === false)).toBe(true);
    expect(rows("sale.order.line").some((l) => Number(l.discount) > 0)).toBe(true);
  });
  it("credit notes point to their invoice and order; full refunds mark the invoice reversed", async () => {
    const refunds = await ok(emu, "account.move", "search_read", [[["move_type", "=", "out_refund"], ["state", "=", "posted"]]],
      { fields: ["reversed_entry_id", "invoice_origin", "amount_total", "commercial_partner_id"] });
    expect(refunds.length).toBeGreaterThan(10);
    const moves = emu.store.table("account.move");
    let full = 0;
    for (const r of refunds) {
      const inv = moves.byId.get(r.reversed_entry_id[0])!;
      expect(inv.move_type).toBe("out_invoice");
      expect(inv.invoice_origin).toBe(r.invoice_origin);
      expect(inv.commercial_partner_id).toBe(r.commercial_partner_id[0]);
      if (Math.round(r.amount_total * 100) === inv.amount_total) { full++; expect(inv.payment_state).toBe("reversed"); }
      else expect(Math.round(r.amount_total * 100)).toBeLessThan(Number(inv.amount_total));
      const [order] = await ok(emu, "sale.order", "search_read", [[["name", "=", r.invoice_origin]]], { fields: ["invoice_ids"] });
      expect(order.invoice_ids).toEqual(expect.arrayContaining([inv.id, r.id]));
    }
    expect(full).toBeGreaterThan(0);
    expect(full).toBeLessThan(refunds.length);
  });
  it("averages about three orders per partner", () => {
    const ratio = rows("sale.order").length / rows("res.partner").length;
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.5);
  });
});

describe("population", () => {
  it("sets every field Odoo requires (its NOT NULL columns), like a fixture must", () => {
    expect(() => checkRequiredFields(emu.store)).not.toThrow();
  });
  it("has suppliers that never buy, and suppliers that also buy", async () => {
    const onlySuppliers = await ok(emu, "res.partner", "search", [[["supplier_rank", ">", 0], ["customer_rank", "=", 0], ["sale_order_ids", "=", false]]]);
    expect(onlySuppliers.length).toBeGreaterThan(0);
    expect(await ok(emu, "res.partner", "search_count", [[["supplier_rank", ">", 0], ["customer_rank", ">", 0]]])).toBeGreaterThan(0);
  });
  it("flags staff: internal users' partners are not shared, employees have work contacts", async () => {
    const staff = await ok(emu, "res.users", "search_read", [[["share", "=", false]]], { fields: ["partner_id"] });
    expect(staff.length).toBeGreaterThan(3);
    const partners = await ok(emu, "res.partner", "read", [staff.map((u: { partner_id: [number, string] }) => u.partner_id[0]), ["partner_share", "employee"]]);
    expect(partners.every((p: { partner_share: boolean }) => p.partner_share === false)).toBe(true);
    const emps = await ok(emu, "hr.employee", "search_read", [[]], { fields: ["work_contact_id"] });
    expect(emps.every((e: { work_contact_id: unknown }) => Array.isArray(e.work_contact_id))).toBe(true);
  });
  it("has messy emails: duplicates, junk, none, several in one field", () => {
    const partners = rows("res.partner");
    const counts = new Map<string, number>();
    for (const p of partners) if (typeof p.email_normalized === "string") counts.set(p.email_normalized, (counts.get(p.email_normalized) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
    expect(partners.some((p) => p.email === false)).toBe(true);
    expect(partners.some((p) => p.email === "n/a" || p.email === "test@test" || p.email === "a@b")).toBe(true);
    expect(partners.some((p) => typeof p.email === "string" && /[;,]/.test(p.email))).toBe(true);
    expect(partners.some((p) => typeof p.email === "string" && p.email !== p.email.toLowerCase())).toBe(true);
  });
  it("has Odoo's demo companies, archived partners, OdooBot, the public partner and company partners", async () => {
    const [brandon] = await ok(emu, "res.partner", "search_read", [[["name", "=", "Brandon Freeman"]]], { fields: ["parent_id"] });
    expect(brandon.parent_id[1]).toBe("Azure Interior");
    for (const name of ["Wood Corner", "Deco Addict", "Gemini Furniture", "Ready Mat", "The Jackson Group", "Lumber Inc"])
      expect(await ok(emu, "res.partner", "search_count", [[["name", "=", name]]])).toBe(1);
    const archived = await ok(emu, "res.partner", "search_read", [[["active", "=", false]]], { fields: ["name"] });
    expect(archived.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["OdooBot", "Public user"]));
    expect(archived.length).toBeGreaterThan(20);
    const companies = await ok(emu, "res.company", "search_read", [[]], { fields: ["name", "currency_id", "partner_id"] });
    expect(companies.map((c: { currency_id: [number, string] }) => c.currency_id[1]).sort()).toEqual(["EUR", "USD", "USD"]);
    const tags = await ok(emu, "res.partner.category", "search_read", [[]], { fields: ["name"] });
    expect(tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(["Vendor", "VIP"]));
    expect(await ok(emu, "mail.blacklist", "search_count", [[]])).toBeGreaterThan(3);
  });
});

describe("determinism and speed", () => {
  it("same seed gives the same data, another seed different data", async () => {
    const snap = async (seed: number) => {
      const e = await start({ generate: 300, seed });
      const r = await ok(e, "res.partner", "search_read", [[]], { fields: ["name", "email", "parent_id"], order: "id asc", context: { active_test: false } });
      await e.close();
      return JSON.stringify(r);
    };
    const a = await snap(1);
    expect(await snap(1)).toBe(a);
    expect(await snap(2)).not.toBe(a);
  });
  // How fast it generates is `npm run bench`'s business (it generates at --size); here, what it generates.
  it("generates 10k partners with ~30k orders", async () => {
    const e = await start({ generate: 10_000, seed: 1 });
    expect(e.store.table("sale.order").rows.length).toBeGreaterThan(25_000);
    await e.close();
  });
  it("with --orders makes that many sale orders and invoices the other sales directly: the same partners buy", async () => {
    const e = await start({ generate: 2000, seed: 3, orders: 500 });
    const full = await start({ generate: 2000, seed: 3 });
    expect(e.store.table("sale.order").rows.length).toBe(500);
    expect(e.store.table("res.partner").rows.length).toBe(full.store.table("res.partner").rows.length);
    // Buying (what makes a partner a marketing contact): a confirmed order or a posted customer invoice.
    const buyers = (x: Emu) => {
      const out = new Set<number>();
      for (const o of x.store.table("sale.order").rows) if (o.state === "sale") out.add(Number(x.store.table("res.partner").byId.get(Number(o.partner_id))?.commercial_partner_id));
      for (const m of x.store.table("account.move").rows) if (m.move_type === "out_invoice" && m.state === "posted") out.add(Number(m.commercial_partner_id));
      return out;
    };
    expect([...buyers(e)].sort()).toEqual([...buyers(full)].sort());
    await Promise.all([e.close(), full.close()]);
  });
});

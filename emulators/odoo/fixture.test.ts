// Fixture loading from a file, and loud failures for fixture mistakes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE } from "./fixture-data.js";
import type { FixtureData } from "./options.js";
import { ok, start } from "./testkit.js";

it("loads a fixture file with many2one given as id or [id, name]", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "odoo-fx-")), "fixture.json");
  writeFileSync(file, JSON.stringify(FIXTURE));
  const emu = await start({ fixture: file });
  try {
    expect(await ok(emu, "res.partner", "search_count", [[]], { context: { active_test: false } })).toBe(FIXTURE["res.partner"]!.length);
    const [p] = await ok(emu, "res.partner", "read", [[11], ["parent_id"]]);
    expect(p.parent_id).toEqual([10, "Azure Interior"]);
    const [w] = await ok(emu, "res.partner", "read", [[20], ["write_date"]]);
    expect(w.write_date).toBe("2024-03-01 10:00:00");
  } finally {
    await emu.close();
  }
});

it("rejects unknown models, unknown fields and dangling references", async () => {
  await expect(start({ fixture: { "res.partnr": [] } })).rejects.toThrow(/unknown model/);
  await expect(start({ fixture: { "res.partner": [{ id: 1, name: "x", emial: "a@b.c" }] } })).rejects.toThrow(/unknown field/);
  await expect(start({ fixture: { "res.partner": [{ id: 1, name: "x", parent_id: 5 }] } })).rejects.toThrow(/missing/);
});

describe("records Odoo 17's create() would refuse or complete", () => {
  const base: FixtureData = {
    "res.currency": [{ id: 1, name: "EUR", symbol: "€" }],
    "res.company": [{ id: 1, name: "Shop", partner_id: 1, currency_id: 1 }],
    "res.partner": [
      { id: 1, name: "Shop", is_company: true },
      { id: 10, name: "Azure Interior", is_company: true },
      { id: 11, name: "Brandon Freeman", parent_id: 10 },
      { id: 12, name: "Billing", parent_id: 10, type: "invoice" },
      { id: 13, name: "Old dock", parent_id: 10, type: "delivery", active: false },
      { id: 20, name: "Jane Doe" },
    ],
  };
  const order = { name: "S00001", state: "sale", date_order: "2024-05-01 09:30:00", company_id: 1, currency_id: 1 };
  const with_ = (extra: FixtureData): FixtureData => ({ ...base, ...extra });

  it("fills a sale order's invoice and delivery addresses from the customer, as _compute_partner_invoice_id does", async () => {
    const emu = await start({ fixture: with_({ "sale.order": [{ id: 1, ...order, partner_id: 11 }, { id: 2, ...order, name: "S00002", partner_id: 20 }] }) });
    try {
      const rows = await ok(emu, "sale.order", "read", [[1, 2], ["partner_invoice_id", "partner_shipping_id"]]);
      // The company's invoice address; no active delivery address, so the customer itself.
      expect(rows.map((r: { partner_invoice_id: [number, string]; partner_shipping_id: [number, string] }) => [r.partner_invoice_id[0], r.partner_shipping_id[0]])).toEqual([[12, 11], [20, 20]]);
    } finally {
      await emu.close();
    }
  });

  it("dates a move without `date` on its invoice date, as _compute_date does", async () => {
    const move = { name: "INV/2024/00001", move_type: "out_invoice", state: "posted", partner_id: 20, company_id: 1, currency_id: 1 };
    const emu = await start({ fixture: with_({ "account.move": [{ id: 1, ...move, invoice_date: "2024-04-04" }] }) });
    try {
      const [m] = await ok(emu, "account.move", "read", [[1], ["date"]]);
      expect(m.date).toBe("2024-04-04");
    } finally {
      await emu.close();
    }
  });

  it("refuses a required field Odoo has no value for, with Odoo's error", async () => {
    await expect(start({ fixture: with_({ "sale.order": [{ id: 1, ...order }] }) })).rejects.toThrow(
      /sale\.order\(1\): The operation cannot be completed:\n- Create\/update: a mandatory field is not set\.[\s\S]*Field: Customer \(partner_id\)/,
    );
    await expect(start({ fixture: with_({ "account.move": [{ id: 1, name: "INV/1", move_type: "out_invoice", partner_id: 20, currency_id: 1 }] }) })).rejects.toThrow(
      /account\.move\(1\):[\s\S]*Field: Company \(company_id\)/,
    );
  });
});

// Keyset paging and write_date cursors, the reading patterns odoo-api.md prescribes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Emu, kw, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ generate: 2000, seed: 3 }); });
afterAll(() => emu.close());

it("keyset paging on id returns every id exactly once", async () => {
  const all: number[] = await ok(emu, "res.partner", "search", [[]], { order: "id asc", context: { active_test: false } });
  const seen: number[] = [];
  let last = 0;
  for (;;) {
    const page = await ok(emu, "res.partner", "search_read", [[["id", ">", last]]], { fields: ["id"], order: "id asc", limit: 333, context: { active_test: false } });
    if (page.length === 0) break;
    seen.push(...page.map((r: { id: number }) => r.id));
    last = page[page.length - 1].id;
  }
  expect(seen).toEqual(all);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBeGreaterThanOrEqual(2000);
});

it("default order is Odoo's _order: res.partner by complete_name, sale.order newest first", async () => {
  const partners = await ok(emu, "res.partner", "search_read", [[]], { fields: ["display_name"], limit: 50 });
  const names = partners.map((p: { display_name: string }) => p.display_name);
  expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  const orders = await ok(emu, "sale.order", "search_read", [[]], { fields: ["date_order"], limit: 50 });
  const dates = orders.map((o: { date_order: string }) => o.date_order);
  expect(dates).toEqual([...dates].sort().reverse());
});

it("offset/limit page the same ordering", async () => {
  const whole = await ok(emu, "sale.order", "search", [[]], { order: "amount_total desc, id asc", limit: 20 });
  const a = await ok(emu, "sale.order", "search", [[]], { order: "amount_total desc, id asc", limit: 10 });
  const b = await ok(emu, "sale.order", "search", [[]], { order: "amount_total desc, id asc", limit: 10, offset: 10 });
  expect([...a, ...b]).toEqual(whole);
});

it("write bumps write_date to the transaction time and a write_date cursor sees it", async () => {
  const before = Math.floor(Date.now() / 1000);
  const [target] = await ok(emu, "res.partner", "search", [[["is_company", "=", false]]], { limit: 1, order: "id asc" });
  expect(await ok(emu, "res.partner", "write", [[target], { phone: "+1 555-0100" }])).toBe(true);
  const [row] = await ok(emu, "res.partner", "read", [[target], ["write_date", "phone", "write_uid"]]);
  const stamp = Date.parse(`${row.write_date.replace(" ", "T")}Z`) / 1000;
  expect(stamp).toBeGreaterThanOrEqual(before);
  expect(row.phone).toBe("+1 555-0100");
  expect(row.write_uid[0]).toBe(2);
  const changed = await ok(emu, "res.partner", "search", [[["write_date", ">=", row.write_date]]], { order: "write_date asc, id asc" });
  expect(changed).toContain(target);
});

it("the admin touch endpoint bumps write_date for a share of records", async () => {
  const res = await fetch(`${emu.url}/_emulator/touch`, { method: "POST", body: JSON.stringify({ model: "res.partner", fraction: 0.1 }) });
  const body = (await res.json()) as { touched: number; write_date: string };
  expect(body.touched).toBeGreaterThan(100);
  const n = await ok(emu, "res.partner", "search_count", [[["write_date", ">=", body.write_date]]], { context: { active_test: false } });
  expect(n).toBeGreaterThanOrEqual(body.touched);
});

it("an unpaged read past --max-records-per-call dies like a killed worker (502)", async () => {
  const small = await start({ generate: 100, maxRecordsPerCall: 50 });
  try {
    const res = await fetch(`${small.url}/jsonrpc`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: { service: "object", method: "execute_kw",
        args: [small.db, 2, small.apiKey, "res.partner", "search_read", [[]], { fields: ["name"] }] } }) });
    expect(res.status).toBe(502);
    expect((await kw(small, "res.partner", "search_read", [[]], { fields: ["name"], limit: 50 })).result).toHaveLength(50);
  } finally {
    await small.close();
  }
});

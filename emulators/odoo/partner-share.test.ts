// res.partner.partner_share as Odoo 17 stores it: derived from the partner's users (share, active), never from
// its id, and recomputed (write_date stamped) when a user changes.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { FixtureData } from "./options.js";
import { type Emu, ok, start } from "./testkit.js";

// Partner 2 is an ordinary customer here: the superuser's partner is 5, as ids differ between databases.
const FIXTURE: FixtureData = {
  "res.currency": [{ id: 1, name: "EUR", symbol: "€" }],
  "res.company": [{ id: 1, name: "Shop", partner_id: 1, currency_id: 1 }],
  "res.partner": [
    { id: 1, name: "Shop", is_company: true },
    { id: 2, name: "Carla Customer", email: "carla@shop.io", write_date: "2024-01-01 00:00:00" },
    { id: 3, name: "Sam Staff", email: "sam@shop.io", write_date: "2024-01-01 00:00:00" },
    { id: 4, name: "Pia Portal", email: "pia@shop.io" },
    { id: 5, name: "OdooBot", active: false },
  ],
  "res.users": [
    { id: 1, login: "__system__", partner_id: 5, share: false, company_id: 1, active: false },
    { id: 2, login: "admin", partner_id: 3, share: false, company_id: 1 },
    { id: 3, login: "pia@shop.io", partner_id: 4, share: true, company_id: 1 },
  ],
};

let emu: Emu;
beforeEach(async () => { emu = await start({ fixture: FIXTURE }); });
afterEach(() => emu.close());

const shares = async () =>
  Object.fromEntries(
    (await ok(emu, "res.partner", "search_read", [[]], { fields: ["partner_share"], context: { active_test: false } })).map((p: { id: number; partner_share: boolean }) => [p.id, p.partner_share]),
  );

it("is false only for the superuser's partner and partners of active internal users, whatever their ids", async () => {
  expect(await shares()).toEqual({ 1: true, 2: true, 3: false, 4: true, 5: false });
  const internal: number[] = await ok(emu, "res.partner", "search", [[["partner_share", "=", false]]], { context: { active_test: false } });
  expect(internal.sort((a, b) => a - b)).toEqual([3, 5]);
  const f = await ok(emu, "res.partner", "fields_get", [["partner_share"]], { attributes: ["store", "readonly"] });
  expect(f.partner_share).toEqual({ store: true, readonly: true });
});

it("is recomputed when a user is archived, moved to another partner or deleted, and stamps write_date", async () => {
  await ok(emu, "res.users", "write", [[2], { active: false }]);
  let [sam] = await ok(emu, "res.partner", "read", [[3], ["partner_share", "write_date"]]);
  expect(sam.partner_share).toBe(true);
  expect(sam.write_date).not.toBe("2024-01-01 00:00:00");

  await ok(emu, "res.users", "write", [[2], { active: true, partner_id: 2 }]);
  expect(await shares()).toMatchObject({ 2: false, 3: true });
  const [carla] = await ok(emu, "res.partner", "read", [[2], ["write_date"]]);
  expect(carla.write_date).not.toBe("2024-01-01 00:00:00");

  await ok(emu, "res.users", "write", [[3], { share: false }]);
  expect(await shares()).toMatchObject({ 4: false });
  await ok(emu, "res.users", "unlink", [[3]]);
  expect(await shares()).toMatchObject({ 4: true });
  [sam] = await ok(emu, "res.partner", "read", [[3], ["partner_share"]]);
  expect(sam.partner_share).toBe(true);
});

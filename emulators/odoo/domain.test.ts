// Odoo's domain language against the fixture: prefix operators, NULL semantics of
// negative operators, LIKE wildcards, dotted paths, hierarchy and active_test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE } from "./fixture-data.js";
import { type Emu, kw, ok, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ fixture: FIXTURE }); });
afterAll(() => emu.close());

const ids = async (domain: unknown[], context: Record<string, unknown> = {}) =>
  ((await ok(emu, "res.partner", "search", [domain], { order: "id asc", context })) as number[]);

describe("operators", () => {
  it("implicit '&', explicit '|' and '!'", async () => {
    expect(await ids([["is_company", "=", true], ["customer_rank", ">", 0]])).toEqual([10]);
    expect(await ids(["|", ["id", "=", 20], ["id", "=", 21]])).toEqual([20, 21]);
    expect(await ids(["!", ["is_company", "=", true]])).toEqual([11, 12, 21, 22]);
    expect(await ids(["&", "|", ["id", "=", 1], ["id", "=", 10], ["is_company", "=", true]])).toEqual([1, 10]);
  });
  it("'!=' and 'not ilike' also match empty values, like SQL with OR IS NULL", async () => {
    expect(await ids([["email", "!=", "jane@example.com"], ["id", ">=", 20]])).toEqual([20, 22]);
    expect(await ids([["email", "not ilike", "azure"]])).toEqual([1, 20, 21, 22]);
    expect(await ids([["email", "=", false]])).toEqual([1, 20, 22]);
  });
  it("like/ilike wrap in %, keep '_' as a wildcard; =like is a raw pattern", async () => {
    expect(await ids([["name", "ilike", "jane_doe"]])).toEqual([21, 22]);
    expect(await ids([["name", "like", "jane"]])).toEqual([]);
    expect(await ids([["name", "=ilike", "azure%"]])).toEqual([10]);
    expect(await ids([["name", "not like", "Jane"]])).toEqual([1, 10, 11, 12, 20]);
  });
  it("in / not in, =? and comparisons", async () => {
    expect(await ids([["id", "in", [10, 11, 999]]])).toEqual([10, 11]);
    expect(await ids([["id", "not in", [1, 10, 11, 12]]])).toEqual([20, 21, 22]);
    expect(await ids([["supplier_rank", "=?", false], ["id", "<", 11]])).toEqual([1, 10]);
    expect(await ids([["write_date", ">=", "2024-03-01 10:00:00"], ["write_date", "<", "2024-03-02"]])).toEqual([20]);
  });
  it("many2one against an id, a name, and through dotted paths", async () => {
    expect(await ids([["parent_id", "=", 10]])).toEqual([11, 12]);
    expect(await ids([["parent_id", "ilike", "azure"]])).toEqual([11, 12]);
    expect(await ids([["commercial_partner_id.customer_rank", ">", 0]])).toEqual([10, 11, 12]);
    expect(await ids([["parent_id.email", "=", false]])).toEqual([]);
  });
  it("x2many, any / not any, child_of, parent_of", async () => {
    expect(await ids([["category_id", "in", [2]]])).toEqual([10]);
    expect(await ids([["category_id", "=", false], ["is_company", "=", true]])).toEqual([1]);
    expect(await ids([["child_ids", "any", [["name", "=", "Brandon Freeman"]]]])).toEqual([10]);
    expect(await ids([["category_id", "not any", [["name", "=", "VIP"]]], ["is_company", "=", true]])).toEqual([1, 20]);
    expect(await ids([["id", "child_of", 10]], { active_test: false })).toEqual([10, 11, 12, 13]);
    expect(await ids([["id", "parent_of", [13]]], { active_test: false })).toEqual([10, 11, 13]);
  });
  it("is_blacklisted is searchable", async () => {
    expect(await ids([["is_blacklisted", "=", true]])).toEqual([21]);
  });
});

describe("active_test", () => {
  it("hides archived rows unless asked", async () => {
    expect(await ids([["id", "=", 13]])).toEqual([]);
    expect(await ids([["id", "=", 13]], { active_test: false })).toEqual([13]);
    expect(await ids([["active", "=", false]])).toEqual([13]);
  });
});

describe("syntax errors", () => {
  it("reject invalid operators and truncated domains", async () => {
    expect((await kw(emu, "res.partner", "search", [[["id", "~", 1]]])).error.data.name).toBe("builtins.ValueError");
    expect((await kw(emu, "res.partner", "search", [["|", ["id", "=", 1]]])).error.data.name).toBe("builtins.AssertionError");
  });
  it("reject an invalid order", async () => {
    const r = await kw(emu, "res.partner", "search", [[]], { order: "id; drop table" });
    expect(r.error.data.name).toBe("builtins.ValueError");
  });
});

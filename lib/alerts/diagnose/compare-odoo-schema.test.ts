import { describe, expect, it } from "vitest";
import { defaultPolicy } from "@/lib/sync/policy";
import { compareOdooSchema, type FieldsMeta } from "./compare-odoo-schema";
import { expectedOdooFields } from "./expected-odoo-schema";

/** A schema that matches what the engine expects, built from the expectations themselves. */
function healthy(): Record<string, FieldsMeta> {
  const out: Record<string, FieldsMeta> = {};
  for (const e of expectedOdooFields(defaultPolicy())) {
    out[e.model] ??= {};
    out[e.model]![e.field] = { type: e.types?.[0] ?? "char", string: `Label ${e.field}`, ...(e.known ? { selection: e.known.map((v) => [v, v]) } : {}) };
  }
  return out;
}
const expected = expectedOdooFields(defaultPolicy());
const problems = (schema: Record<string, FieldsMeta>, labels: Record<string, string> = {}) =>
  compareOdooSchema(expected, schema, labels).map((c) => `${c.subject}:${(c.facts as { problem: string }).problem}`);

describe("compareOdooSchema", () => {
  it("finds nothing in a healthy schema", () => expect(problems(healthy())).toEqual([]));
  it("a removed field, and a renamed one when its label lives on", () => {
    const s = healthy();
    delete s["res.partner"]!.mobile;
    expect(problems(s)).toEqual(["res.partner.mobile:missing"]);
    s["res.partner"]!.x_mobile = { type: "char", string: "Mobile" };
    expect(problems(s, { "res.partner.mobile": "Mobile" })).toEqual(["res.partner.mobile:renamed"]);
  });
  it("a type change", () => {
    const s = healthy();
    s["res.partner"]!.is_company = { type: "char" };
    expect(problems(s)).toEqual(["res.partner.is_company:type_changed"]);
  });
  it("a new selection value, and a value the engine relies on removed", () => {
    const s = healthy();
    s["sale.order"]!.state = { type: "selection", selection: [["draft", "d"], ["sale", "s"], ["approved", "a"]] };
    s["account.move"]!.state = { type: "selection", selection: [["draft", "d"], ["cancel", "c"]] };
    expect(problems(s)).toEqual(["sale.order.state:selection_added", "account.move.state:selection_removed"]);
  });
});

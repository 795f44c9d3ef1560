import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, startOdoo, type Emu } from "./helpers/plan-harness";
import { outcomesByPartner } from "./helpers/outcomes";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({
  hierarchy: { childContacts: "all" },
  eligibility: { exclude: [{ tag: "do not market" }, { field: "ref", operator: "=", value: "NOMAIL" }] },
  routing: { rules: [{ name: "everyone", audienceId: "aud" }] },
});

it("never plans staff of any kind, system partners, the selling companies, archived or blacklisted partners", async () => {
  const out = outcomesByPartner(await plan(prisma, odoo, policy, { dryRun: true }));
  expect(out.get(5)).toBe("excluded:staff"); // internal user
  expect(out.get(7)).toBe("excluded:staff"); // hr.employee work contact
  expect(out.get(8)).toBe("excluded:staff"); // employee flag
  expect(out.get(4)).toBe("excluded:system_partner"); // OdooBot
  expect(out.get(6)).toBe("excluded:system_partner"); // public user
  expect(out.get(2)).toBe("excluded:company_record"); // a res.company partner buying from a sister company
  expect(out.get(132)).toBe("excluded:archived");
  expect(out.get(133)).toBe("excluded:blacklisted_in_odoo");
});

it("plans buyers only: a supplier that buys is a customer, a pure supplier and quotation-only partners are not", async () => {
  const out = outcomesByPartner(await plan(prisma, odoo, policy, { dryRun: true }));
  expect(out.get(120)).toBe("new:aud"); // Lumber Inc: supplier with a posted customer invoice, no order
  expect(out.get(110)).toBe("excluded:supplier_only"); // Wood Corner: a draft order and a vendor bill only
  expect(out.get(111)).toBe("excluded:not_a_buyer");
  expect(out.get(139)).toBe("excluded:not_a_buyer"); // draft, sent and cancelled orders
  expect(out.get(146)).toBe("new:aud"); // a portal user is a customer, not staff
  const strict = parsePolicy({ ...policy, eligibility: { ...policy.eligibility, supplierThatBuysIsCustomer: false } });
  expect(outcomesByPartner(await plan(prisma, odoo, strict, { dryRun: true })).get(120)).toBe("excluded:supplier_only");
});

it("applies exclude rules by tag and by field, and include rules stand in for buying", async () => {
  const out = outcomesByPartner(await plan(prisma, odoo, policy, { dryRun: true }));
  expect(out.get(144)).toBe("excluded:excluded_by_tag");
  expect(out.get(145)).toBe("excluded:excluded_by_field");
  const include = parsePolicy({ ...policy, eligibility: { include: [{ field: "name", operator: "in", value: ["Only Quotes", "Mitchell Admin"] }] } });
  const withInclude = outcomesByPartner(await plan(prisma, odoo, include, { dryRun: true }));
  expect(withInclude.get(139)).toBe("new:aud");
  expect(withInclude.get(5)).toBe("excluded:staff"); // include never overrides a hard exclusion
});

it("can keep blacklisted partners in scope when the policy says so", async () => {
  const keep = parsePolicy({ ...policy, eligibility: { ...policy.eligibility, excludeBlacklisted: false } });
  expect(outcomesByPartner(await plan(prisma, odoo, keep, { dryRun: true })).get(133)).toBe("new:aud");
});

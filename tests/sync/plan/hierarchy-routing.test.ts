import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { buildDemoPolicy, parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, startOdoo, type Emu } from "./helpers/plan-harness";
import { outcomesByPartner, samplesOf } from "./helpers/outcomes";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const everyone = { rules: [{ name: "everyone", audienceId: "aud" }] };
const azure = async (childContacts: string, tag?: string) => {
  const out = outcomesByPartner(await plan(prisma, odoo, parsePolicy({ hierarchy: { childContacts, tag }, routing: everyone }), { dryRun: true }));
  return [100, 101, 102, 103, 104].map((id) => out.get(id));
};

it("selects a buying company's people by the hierarchy rule", async () => {
  const notSelected = "excluded:company_person_not_selected";
  // Company 100 and its invoice address 102 share info@: one person, merged under the company.
  expect(await azure("all")).toEqual(["new:aud", "new:aud", "new:aud", "new:aud", "exception:missing_email"]);
  expect(await azure("contacts_only")).toEqual([notSelected, "new:aud", notSelected, "new:aud", notSelected]);
  expect(await azure("tagged", "newsletter")).toEqual([notSelected, notSelected, notSelected, "new:aud", notSelected]);
  expect(await azure("company_only")).toEqual(["new:aud", notSelected, notSelected, notSelected, notSelected]);
});

it("credits a company's orders to its contacts (ORDERS, LASTORDER) and fills the owned merge fields", async () => {
  const out = await plan(prisma, odoo, parsePolicy({ routing: everyone }), { dryRun: true });
  const brandon = samplesOf(out, "new").find((s) => s.email === "brandon@azure-interior.com");
  expect(brandon?.payload).toEqual({
    merge_fields: { FNAME: "Brandon", LNAME: "Freeman", COMPANY: "Azure Interior", PHONE: "+1 555 0101", COUNTRY: "", CUSTTYPE: "b2b", ORDERS: 2, LASTORDER: "2024-06-01", ODOOID: "101" },
    language: "en",
    tags: ["odoo:b2b", "odoo:company-my-company-san-francisco", "odoo:vip"],
  });
});

it("routes by company, never mixing legal entities, and raises no_route instead of guessing", async () => {
  const base = buildDemoPolicy({ sf_b2b: "sf-b2b", sf_b2c: "sf-b2c", chicago: "chicago", brussels: "brussels" });
  const demo = parsePolicy({ ...base, hierarchy: { childContacts: "all" } });
  const out = outcomesByPartner(await plan(prisma, odoo, demo, { dryRun: true }));
  expect(out.get(101)).toBe("new:sf-b2b");
  expect(out.get(130)).toBe("new:sf-b2c"); // company_id false: the company of its orders
  expect(out.get(131)).toBe("new:brussels"); // own company_id
  expect(out.get(120)).toBe("new:chicago"); // invoice-only buyer: the company of its invoice
  expect(out.get(140)).toBe("new:sf-b2c"); // bought in Chicago, but belongs to San Francisco: its own company wins
  expect(out.get(147)).toBe("new:brussels"); // the latest order decides, not the first
  const sfOnly = parsePolicy({ routing: { rules: demo.routing.rules.slice(0, 2) } });
  const partial = outcomesByPartner(await plan(prisma, odoo, sfOnly, { dryRun: true }));
  expect(partial.get(143)).toBe("exception:no_route");
  expect(partial.get(131)).toBe("exception:no_route");
  expect(partial.get(130)).toBe("new:sf-b2c");
});

it("refuses a policy that would pour one company's customers into another's audience", () => {
  expect(() => parsePolicy({ routing: { rules: [{ name: "sf", audienceId: "a", companyIds: [1] }, { name: "rest", audienceId: "a" }] } })).toThrow(/routing\.rules\.1\.companyIds/);
  expect(() => parsePolicy({ routing: { rules: [{ name: "sf", audienceId: "a", companyIds: [1] }, { name: "chi", audienceId: "a", companyIds: [2] }] } })).toThrow(/one audience serves one set of companies/);
});

import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";
import { outcomesByPartner } from "./helpers/outcomes";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({ hierarchy: { childContacts: "all" }, routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });

it("turns bad, missing and multiple emails into exceptions with the partner id, and plans none of them", async () => {
  const run = await plan(prisma, odoo, policy);
  const exceptions = await prisma.syncException.findMany({ where: { lastRunId: run.runId } });
  const kindOf = (id: number) => exceptions.filter((e) => e.partnerIds.includes(id)).map((e) => e.kind);
  expect(kindOf(134)).toEqual(["invalid_email"]); // "n/a"
  expect(kindOf(135)).toEqual(["missing_email"]); // false
  expect(kindOf(136)).toEqual(["multiple_emails"]); // "a@x.com; b@y.com"
  expect(kindOf(137)).toEqual(["invalid_email"]); // test@test
  expect(kindOf(138)).toEqual(["invalid_email"]); // example.com
  expect(kindOf(148)).toEqual(["invalid_email"]); // a space inside
  expect(kindOf(149)).toEqual(["invalid_email"]); // no top-level domain
  const planned = (await plannedRecords(prisma, run.runId)).flatMap((r) => r.partnerIds);
  for (const id of [134, 135, 136, 137, 138, 148, 149]) expect(planned).not.toContain(id);
});

it("normalises case, surrounding spaces and unicode forms", async () => {
  const run = await plan(prisma, odoo, policy, { dryRun: true });
  const out = outcomesByPartner(run);
  expect(out.get(130)).toBe("new:aud");
  const emails = (run.summary as { planner: { sampleDetails: { new: { email: string }[] } } }).planner.sampleDetails.new.map((s) => s.email);
  expect(emails).toContain("jane.doe@gmail.com");
  expect(emails).toContain("zo\u00eb@skynet.be"); // NFC, whatever form Odoo held
  expect(emails).toContain("nicole.ford@azure-interior.com");
});

it("merges one customer's records sharing an address, and holds back an address shared by different customers", async () => {
  const run = await plan(prisma, odoo, policy);
  const records = await plannedRecords(prisma, run.runId);
  const info = records.find((r) => r.email === "info@azure-interior.com");
  expect(info?.partnerIds).toEqual([100, 102]); // the company itself wins over its invoice address
  expect(info?.payload?.merge_fields.ODOOID).toBe("100,102");
  expect(records.find((r) => r.email === "family@outlook.com")).toBeUndefined();
  const dup = await prisma.syncException.findFirst({ where: { kind: "duplicate_email", email: "family@outlook.com" } });
  expect(dup?.partnerIds).toEqual([141, 142]);
  expect(dup?.audienceId).toBe("aud");
});

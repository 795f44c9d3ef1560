import { afterAll, beforeAll, expect, it } from "vitest";
import { bool } from "@/emulators/odoo/schema/common";
import type { OdooClient } from "@/lib/odoo";
import { PlanError } from "@/lib/sync/plan/plan-error";
import { defaultPolicy, parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
let emu19: Emu;
let odoo19: OdooClient;
beforeAll(async () => {
  ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" }));
  ({ emu: emu19, odoo: odoo19 } = await startOdoo({ version: "19.0", generate: 40 }));
});
afterAll(async () => {
  await emu?.close();
  await emu19?.close();
});

const routed = { routing: { rules: [{ name: "everyone", audienceId: "aud" }] } };

it("stops with a typed field_missing error when a mapped field is gone (mobile after Odoo 19), and records it once", async () => {
  const failing = plan(prisma, odoo19, defaultPolicy());
  await expect(failing).rejects.toBeInstanceOf(PlanError);
  await expect(failing).rejects.toMatchObject({ code: "field_missing", fields: ["res.partner.mobile"] });
  await expect(plan(prisma, odoo19, defaultPolicy())).rejects.toThrow(/res\.partner\.mobile/);
  const rows = await prisma.syncException.findMany({ where: { kind: "field_missing" } });
  expect(rows).toHaveLength(1);
  expect(rows[0]?.occurrences).toBe(2);
  expect(await prisma.syncBatch.count()).toBe(0);
  const fixed = parsePolicy({ ...routed, payload: { phoneFields: ["phone"] } });
  expect((await plan(prisma, odoo19, fixed, { dryRun: true })).plannedNew).toBeGreaterThan(0);
});

it("names a missing consent field, and refuses a consent field that is not boolean", async () => {
  const missing = parsePolicy({ ...routed, consent: { newMemberStatus: "subscribed_if_consented", consentField: "x_marketing_consent" } });
  await expect(plan(prisma, odoo, missing, { dryRun: true })).rejects.toMatchObject({ code: "field_missing", fields: ["res.partner.x_marketing_consent"] });
  const text = parsePolicy({ ...routed, consent: { newMemberStatus: "subscribed_if_consented", consentField: "name" } });
  await expect(plan(prisma, odoo, text, { dryRun: true })).rejects.toMatchObject({ code: "field_not_boolean" });
});

it("subscribes only partners whose consent field is true; the others get the fallback status", async () => {
  emu.store.table("res.partner").spec.fields.x_marketing_consent = bool("Marketing consent");
  await odoo.write("res.partner", [130], { x_marketing_consent: true });
  const policy = parsePolicy({ ...routed, consent: { newMemberStatus: "subscribed_if_consented", consentField: "x_marketing_consent", fallback: "pending" } });
  const run = await plan(prisma, odoo, policy);
  const status = new Map((await plannedRecords(prisma, run.runId)).map((r) => [r.email, r.statusIfNew]));
  expect(status.get("jane.doe@gmail.com")).toBe("subscribed");
  expect(status.get("pat@gmail.com")).toBe("pending");
  const byDefault = await plan(prisma, odoo, parsePolicy(routed));
  expect(new Set((await plannedRecords(prisma, byDefault.runId)).map((r) => r.statusIfNew))).toEqual(new Set(["transactional"]));
});

it("writes nothing on a dry run: no batches, no exceptions, no leftover stage", async () => {
  await prisma.syncException.deleteMany();
  const before = await prisma.syncBatch.count();
  const run = await plan(prisma, odoo, parsePolicy({ hierarchy: { childContacts: "all" }, ...routed }), { dryRun: true });
  expect(run.plannedNew).toBeGreaterThan(0);
  expect(run.exceptions).toBeGreaterThan(0);
  expect(run.batches).toBeGreaterThan(0);
  expect(await prisma.syncBatch.count()).toBe(before);
  expect(await prisma.syncException.count()).toBe(0);
  const stages = await prisma.$queryRawUnsafe<unknown[]>("SELECT 1 FROM pg_tables WHERE tablename LIKE 'plan_stage_%'");
  expect(stages).toHaveLength(0);
});

import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { markSynced, plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";

const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({ hierarchy: { childContacts: "all" }, routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

it("plans everything new first, then nothing once the runtime has synced it", async () => {
  const first = await plan(prisma, odoo, policy);
  expect(first.plannedNew).toBeGreaterThan(5);
  expect((await plannedRecords(prisma, first.runId)).every((r) => r.kind === "subscribe_new" && r.tagsToAdd.length > 0)).toBe(true);
  await markSynced(prisma, first.runId);
  const second = await plan(prisma, odoo, policy);
  expect({ new: second.plannedNew, update: second.plannedUpdate, batches: second.batches }).toEqual({ new: 0, update: 0, batches: 0 });
  expect(second.unchanged).toBe(first.plannedNew);
});

it("ignores Mailchimp-side changes: they never touch the Odoo-owned payload", async () => {
  await prisma.syncRecord.updateMany({ data: { memberStatus: "unsubscribed" } });
  const run = await plan(prisma, odoo, policy);
  expect(run.plannedNew + run.plannedUpdate).toBe(0);
});

it("plans exactly the partner written in Odoo on an incremental run, as an update with a tag diff", async () => {
  const cursor = new Date(Date.now() - 1000);
  await odoo.write("res.partner", [130], { phone: "+32 470 11 22 33", category_id: [[6, 0, [2]]] });
  const run = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: cursor, now: later(1) });
  const records = await plannedRecords(prisma, run.runId);
  expect(records.map((r) => [r.email, r.kind])).toEqual([["jane.doe@gmail.com", "upsert_existing"]]);
  expect(records[0]?.payload?.merge_fields.PHONE).toBe("+32 470 11 22 33");
  expect(records[0]?.tagsToAdd).toEqual(["odoo:vip"]);
  expect(records[0]?.tagsToRemove).toEqual([]);
  expect(run.cursorTo.getTime()).toBeGreaterThan(cursor.getTime());
  await markSynced(prisma, run.runId);
});

it("re-plans a contact when only its company's buying changed (incremental)", async () => {
  const cursor = new Date(Date.now() - 1000);
  await odoo.write("sale.order", [1], { state: "cancel" }); // Brandon's order: Azure's ORDERS drops to 1
  const run = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: cursor });
  const emails = (await plannedRecords(prisma, run.runId)).map((r) => r.email).sort();
  expect(emails).toEqual(["brandon@azure-interior.com", "info@azure-interior.com", "nicole.ford@azure-interior.com"]);
});

it("re-plans records whose last attempt failed", async () => {
  await prisma.syncRecord.update({ where: { audienceId_email: { audienceId: "aud", email: "pat@gmail.com" } }, data: { lastStatus: "failed" } });
  const run = await plan(prisma, odoo, policy);
  const pat = (await plannedRecords(prisma, run.runId)).find((r) => r.email === "pat@gmail.com");
  expect(pat?.kind).toBe("upsert_existing");
});

it("only removes managed tags from a synced member who left scope, never more (full run)", async () => {
  await prisma.syncRecord.update({ where: { audienceId_email: { audienceId: "aud", email: "own@gmail.com" } }, data: { appliedTags: ["odoo:b2c", "hand-made", "odoo:old"] } });
  await odoo.write("res.partner", [140], { active: false });
  const run = await plan(prisma, odoo, policy);
  const gone = (await plannedRecords(prisma, run.runId)).find((r) => r.email === "own@gmail.com");
  expect(gone).toMatchObject({ kind: "upsert_existing", payload: null, hash: null, tagsToAdd: [], tagsToRemove: ["odoo:b2c", "odoo:old"] });
  // Until the runtime marks it excluded, an incremental run that sees the partner's write plans the departure too.
  const incremental = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: new Date(Date.now() - 1000) });
  expect((await plannedRecords(prisma, incremental.runId)).find((r) => r.email === "own@gmail.com")).toMatchObject({ payload: null, tagsToRemove: ["odoo:b2c", "odoo:old"] });
  await prisma.syncRecord.update({ where: { audienceId_email: { audienceId: "aud", email: "own@gmail.com" } }, data: { lastStatus: "excluded" } });
  const after = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: new Date(Date.now() - 1000) });
  expect((await plannedRecords(prisma, after.runId)).find((r) => r.email === "own@gmail.com")).toBeUndefined();
});

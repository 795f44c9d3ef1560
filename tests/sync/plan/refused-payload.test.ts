import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { recordOutcomes } from "@/lib/sync/run/record-outcomes";
import { useTestDatabase } from "@/tests/helpers/db";
import { markSynced, plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";

// Issue 14, "Addresses Mailchimp refuses for good": a refusal is remembered with the payload it refused, so full
// runs stop re-sending it (and stop counting the exception again) until Odoo changes the payload or the address.
const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

const policy = parsePolicy({ hierarchy: { childContacts: "all" }, routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
const refusal = { kind: "compliance", message: "jane.doe@gmail.com is in a compliance state", status: 400, title: "Member In Compliance State" };

async function refuse(runId: string, email: string): Promise<void> {
  const record = (await plannedRecords(prisma, runId)).find((r) => r.email === email);
  if (!record) throw new Error(`${email} was not planned`);
  await prisma.$transaction((tx) => recordOutcomes(tx, runId, [{ record, kind: "rejected", error: refusal }], new Date()));
}
const emailsOf = async (runId: string) => (await plannedRecords(prisma, runId)).map((r) => r.email);
const exception = () => prisma.syncException.findFirstOrThrow({ where: { kind: "compliance_refused", email: "jane.doe@gmail.com" } });

it("does not send a refused payload again, and the exception stays one row seen once", async () => {
  const first = await plan(prisma, odoo, policy);
  await markSynced(prisma, first.runId);
  await prisma.syncRecord.delete({ where: { audienceId_email: { audienceId: "aud", email: "jane.doe@gmail.com" } } });
  await refuse(first.runId, "jane.doe@gmail.com");
  for (let i = 0; i < 2; i++) {
    const again = await plan(prisma, odoo, policy);
    expect(await emailsOf(again.runId)).not.toContain("jane.doe@gmail.com");
    expect((again.summary as { planner: { counts: Record<string, number> } }).planner.counts.refusedByMailchimp).toBe(1);
  }
  expect(await exception()).toMatchObject({ occurrences: 1, status: "open" });
});

it("sends it again once Odoo changes the payload", async () => {
  await odoo.write("res.partner", [130], { phone: "+32 470 99 88 77" });
  const run = await plan(prisma, odoo, policy);
  expect(await emailsOf(run.runId)).toEqual(["jane.doe@gmail.com"]);
});

it("sends the new address at once when Odoo changes the address", async () => {
  const run = await plan(prisma, odoo, policy);
  await refuse(run.runId, "jane.doe@gmail.com");
  expect(await emailsOf((await plan(prisma, odoo, policy)).runId)).toEqual([]);
  await odoo.write("res.partner", [130], { email: "jane.d@gmail.com" });
  expect(await emailsOf((await plan(prisma, odoo, policy)).runId)).toEqual(["jane.d@gmail.com"]);
});

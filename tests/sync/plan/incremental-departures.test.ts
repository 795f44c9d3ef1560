import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { until } from "@/tests/helpers/until";
import { markSynced, plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";

// Issue 14, "Departures and new staff": an incremental run sees a partner who stopped being eligible through the
// model that changed (users, employees, companies, the blacklist), not only through res.partner's write_date,
// and takes the managed tags off the member it synced for them, as a full run would.
const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
beforeAll(async () => ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" })));
afterAll(async () => emu?.close());

// No overlap: with the default 300 s every partner the fixture loaded is "changed" in each run below, which would
// hide a run that does not look at users, employees, companies and the blacklist.
const policy = parsePolicy({
  batching: { overlapSeconds: 0 },
  hierarchy: { childContacts: "all" },
  routing: { rules: [{ name: "brussels", companyIds: [3], audienceId: "aud-be" }, { name: "everyone", audienceId: "aud" }] },
});

/** The cursor is the next whole second (write_date has seconds): every earlier write is before it, this test's after. */
async function incremental() {
  const cursor = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  await until("the cursor's second", () => Date.now() >= cursor.getTime(), { everyMs: 20 });
  return { cursor, run: () => plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: cursor, now: new Date(Date.now() + 1000) }) };
}

/** markSynced, then what the runtime does with an applied departure (run/record-outcomes.ts): excluded. */
async function applied(runId: string): Promise<void> {
  await markSynced(prisma, runId);
  for (const r of await plannedRecords(prisma, runId))
    if (r.payload === null) await prisma.syncRecord.update({ where: { audienceId_email: { audienceId: r.audienceId, email: r.email } }, data: { lastStatus: "excluded" } });
}

async function departuresOf(runId: string): Promise<string[]> {
  return (await plannedRecords(prisma, runId)).filter((r) => r.payload === null).map((r) => `${r.audienceId}:${r.email}`).sort();
}

it("starts from a synced full load", async () => {
  const full = await plan(prisma, odoo, policy);
  await markSynced(prisma, full.runId);
  const emails = (await prisma.syncRecord.findMany()).map((r) => `${r.audienceId}:${r.email}`);
  expect(emails).toEqual(expect.arrayContaining(["aud:own@gmail.com", "aud:chi@yahoo.com", "aud:pat@gmail.com", "aud:jane.doe@gmail.com", "aud-be:zoë@skynet.be"]));
});

it("takes the tags off a partner made staff through hr.employee, with no partner write", async () => {
  const { run } = await incremental();
  await odoo.write("hr.employee", [1], { work_contact_id: 143 });
  const out = await run();
  expect(await departuresOf(out.runId)).toEqual(["aud:chi@yahoo.com"]);
  await applied(out.runId);
});

it("takes the tags off an address put on Odoo's blacklist (mail.blacklist, no partner write)", async () => {
  const { run } = await incremental();
  await odoo.create("mail.blacklist", [{ email: "pat@gmail.com" }]);
  const out = await run();
  expect(await departuresOf(out.runId)).toEqual(["aud:pat@gmail.com"]);
  await applied(out.runId);
});

it("takes the tags off archived partners and removed emails, and moves a partner whose company moved", async () => {
  const { run } = await incremental();
  await odoo.write("res.partner", [140], { active: false });
  await odoo.write("res.partner", [147], { email: false });
  await odoo.write("res.partner", [131], { company_id: 1 });
  const out = await run();
  expect(await departuresOf(out.runId)).toEqual(["aud-be:max@gmail.com", "aud-be:zoë@skynet.be", "aud:own@gmail.com"]);
  const moved = (await plannedRecords(prisma, out.runId)).find((r) => r.email === "zoë@skynet.be" && r.payload !== null);
  expect(moved?.audienceId).toBe("aud");
  await applied(out.runId);
});

it("sees a partner made an internal user through res.users and a renamed company through res.company", async () => {
  const { run } = await incremental();
  await odoo.write("res.users", [4], { partner_id: 130, share: false });
  await odoo.write("res.company", [1], { name: "My Company (SF)" });
  const out = await run();
  expect(await departuresOf(out.runId)).toEqual(["aud:jane.doe@gmail.com"]);
  // Zoë now belongs to company 1, whose name is her company tag.
  const zoe = (await plannedRecords(prisma, out.runId)).find((r) => r.email === "zoë@skynet.be");
  expect(zoe?.tagsToAdd).toContain("odoo:company-my-company-sf");
});

import { afterAll, beforeAll, expect, it } from "vitest";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { markSynced, plan, plannedRecords, startOdoo, type Emu } from "./helpers/plan-harness";
import { samplesOf } from "./helpers/outcomes";

// Staff in plan-business.json: Mitchell Admin (5, internal user), Eli Employee (7, work contact of hr.employee 1),
// Emma Flagged (8, employee = true). Customers are contacts of Azure Interior (100), which buys.
const { prisma } = await useTestDatabase();
let emu: Emu;
let odoo: OdooClient;
const policy = parsePolicy({ routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
const customer = async (name: string, email: string) => (await odoo.create("res.partner", [{ name, email, parent_id: 100, type: "contact" }]))[0]!;
const exceptionFor = (email: string) => prisma.syncException.findUnique({ where: { fingerprint: `staff_email|aud|${email}` } });
const plannedEmails = async (runId: string) => (await plannedRecords(prisma, runId)).map((r) => r.email);

let mitch: number;
let mitchAgain: number;
let eliAtWork: number;
beforeAll(async () => {
  ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" }));
  await odoo.write("hr.employee", [1], { work_email: "Eli.Work@yourcompany.com" });
  mitch = await customer("Mitch at Azure", "  Mitchell@YourCompany.com ");
  mitchAgain = await customer("Mitch, purchasing", "mitchell@yourcompany.com");
  eliAtWork = await customer("Eli at Azure", "eli.work@yourcompany.com");
});
afterAll(async () => emu?.close());

it("keeps a customer who uses a staff member's address out of Mailchimp: one exception per address, with every partner", async () => {
  const run = await plan(prisma, odoo, policy);
  const emails = await plannedEmails(run.runId);
  expect(emails).not.toContain("mitchell@yourcompany.com");
  expect(emails).not.toContain("eli.work@yourcompany.com");
  expect(emails).toContain("brandon@azure-interior.com"); // the rest of the family still goes
  expect(samplesOf(run, "excluded")).toContainEqual({ partnerId: 5, name: "Mitchell Admin", reason: "staff" });

  const internalUser = await exceptionFor("mitchell@yourcompany.com");
  expect(internalUser).toMatchObject({ kind: "staff_email", status: "open", audienceId: "aud", email: "mitchell@yourcompany.com" });
  expect(internalUser?.partnerIds).toEqual([5, mitch, mitchAgain].sort((a, b) => a - b));
  expect(internalUser?.detail).toMatchObject({ staff: [{ partnerId: 5, name: "Mitchell Admin" }] });
  const employee = await exceptionFor("eli.work@yourcompany.com"); // hr.employee.work_email, not the contact's own email
  expect(employee?.partnerIds).toEqual([7, eliAtWork]);
  expect(employee?.detail).toMatchObject({ staff: [{ partnerId: 7, name: "Eli Employee" }], name: "Eli at Azure" });
  expect((run.summary as { planner: { exceptionsByKind: Record<string, number> } }).planner.exceptionsByKind.staff_email).toBe(2);
  await markSynced(prisma, run.runId);
});

it("finds it on incremental runs, whether the customer or the staff member was written", async () => {
  const cursor = new Date(Date.now() - 1000);
  const emmaAtAzure = await customer("Emma at Azure", "emma@yourcompany.com");
  const customerSide = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: cursor });
  expect(await plannedEmails(customerSide.runId)).not.toContain("emma@yourcompany.com");
  expect((await exceptionFor("emma@yourcompany.com"))?.partnerIds).toEqual([8, emmaAtAzure]);

  // Jane Doe (130) is a synced customer; then staff member Emma (employee = true) takes the same address.
  expect(await prisma.syncRecord.count({ where: { email: "jane.doe@gmail.com", lastStatus: "synced" } })).toBe(1);
  const later = new Date(Date.now() - 1000);
  await odoo.write("res.partner", [8], { email: "jane.doe@gmail.com" });
  const staffSide = await plan(prisma, odoo, policy, { mode: "incremental", cursorFrom: later });
  // Never sent again; the member synced for Jane loses its managed tags, as on a full run (a departure).
  const jane = (await plannedRecords(prisma, staffSide.runId)).filter((r) => r.email === "jane.doe@gmail.com");
  expect(jane.map((r) => r.payload)).toEqual([null]);
  expect((await exceptionFor("jane.doe@gmail.com"))?.partnerIds).toEqual([8, 130]);
});

it("resolves itself on the next full run once the customer has an address of their own", async () => {
  await odoo.write("res.partner", [mitch, mitchAgain], { email: "purchasing@azure-interior.com" });
  const run = await plan(prisma, odoo, policy);
  expect(await exceptionFor("mitchell@yourcompany.com")).toMatchObject({ status: "resolved", resolvedById: null });
  expect(await plannedEmails(run.runId)).toContain("purchasing@azure-interior.com");
  expect((await exceptionFor("eli.work@yourcompany.com"))?.status).toBe("open");
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { applyWritebacks, processWebhookEvents, type ConsentDeps } from "@/lib/consent";
import type { OdooClient } from "@/lib/odoo";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";
import { outcomesByPartner } from "../sync/plan/helpers/outcomes";
import { markSynced, plan, plannedRecords, startOdoo, type Emu } from "../sync/plan/helpers/plan-harness";
import { ctx, formRequest, SECRET, unsubscribeFields, useWebhookSecret } from "./helpers";

// Issue 14, "Address changed in Mailchimp (upemail)": the person's member now answers to the new address while
// Odoo still holds the old one. An Odoo edit must not re-create the old address in Mailchimp, and an opt-out at
// the new address must still reach the partner in Odoo. The change stays an exception for ops.

const { prisma } = await useTestDatabase({ asProcessDefault: true });
let emu: Emu;
let odoo: OdooClient;
let deps: ConsentDeps;
beforeAll(async () => {
  useWebhookSecret();
  ({ emu, odoo } = await startOdoo({ fixture: "tests/sync/fixtures/plan-business.json" }));
  deps = { prisma, odoo, now: () => new Date(Date.now() + 1000) };
  // Events apply only to the active policy's audiences (issue 15).
  await savePolicy(prisma, { hierarchy: { childContacts: "all" }, routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
});
afterAll(async () => {
  await emu?.close();
  useWebhookSecret(null);
});

const policy = parsePolicy({ hierarchy: { childContacts: "all" }, routing: { rules: [{ name: "everyone", audienceId: "aud" }] } });
const OLD = "jane.doe@gmail.com";
const NEW = "jane.new@gmail.com";

async function deliver(fields: Record<string, string>) {
  expect((await POST(formRequest(fields), ctx(SECRET))).status).toBe(200);
  await processWebhookEvents(deps);
}

it("keeps the change an exception for ops and never writes to the old address again", async () => {
  await markSynced(prisma, (await plan(prisma, odoo, policy)).runId);
  await deliver({ type: "upemail", fired_at: "2026-11-29 09:00:00", "data[list_id]": "aud", "data[old_email]": OLD, "data[new_email]": NEW, "data[new_id]": "n1" });
  expect(await prisma.syncException.findFirstOrThrow({ where: { kind: "email_changed_in_mailchimp" } })).toMatchObject({ email: OLD, status: "open", partnerIds: [130] });
  await odoo.write("res.partner", [130], { phone: "+32 470 12 34 56" });
  const run = await plan(prisma, odoo, policy);
  expect((await plannedRecords(prisma, run.runId)).map((r) => r.email)).not.toContain(OLD);
  expect((run.summary as { planner: { counts: Record<string, number> } }).planner.counts.movedInMailchimp).toBe(1);
});

it("writes an opt-out at the new address back to the partner who still holds the old one", async () => {
  await deliver(unsubscribeFields(NEW, "aud"));
  expect(await applyWritebacks(deps)).toMatchObject({ failed: 0 });
  const rows = await odoo.searchPage<{ id: number; email: string; active: boolean }>("mail.blacklist", { domain: [["email", "in", [OLD, NEW]]], fields: ["email", "active"], limit: 5 });
  expect(rows.map((r) => r.email).sort()).toEqual([OLD, NEW].sort());
  const record = await prisma.syncRecord.findUniqueOrThrow({ where: { audienceId_email: { audienceId: "aud", email: OLD } } });
  expect(record.memberStatus).toBe("unsubscribed");
});

it("once ops move the partner to the new address in Odoo, her opt-out holds there and the old address is left alone", async () => {
  await odoo.write("res.partner", [130], { email: NEW });
  const run = await plan(prisma, odoo, policy);
  expect(await plannedRecords(prisma, run.runId)).toEqual([]);
  expect(outcomesByPartner(run).get(130)).toBe("excluded:blacklisted_in_odoo");
});

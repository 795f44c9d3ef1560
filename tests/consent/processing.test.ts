import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { applyWritebacks, decideApproval, guardMemberWrite, needsApproval, processWebhookEvents, runConsentJob, type ConsentDeps } from "@/lib/consent";
import { createUser } from "@/lib/auth/users";
import { OdooClient } from "@/lib/odoo";
import { savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";
import { ctx, formRequest, SECRET, unsubscribeFields, useWebhookSecret } from "./helpers";

// Processing rules on stored events: once-only under concurrency, the approval gate, permanent errors, options.

const { prisma } = await useTestDatabase({ asProcessDefault: true });
// Events are applied only for the policy's audiences (issue 15); aud1 is the one these tests deliver to.
await savePolicy(prisma, { routing: { rules: [{ name: "All", audienceId: "aud1" }] } });
let odooEmu: Awaited<ReturnType<typeof startOdooEmulator>>;
let deps: ConsentDeps;

beforeAll(async () => {
  useWebhookSecret();
  odooEmu = await startOdooEmulator({ port: 0, generate: 20 });
  const odoo = new OdooClient(
    { url: odooEmu.url, db: odooEmu.db, username: odooEmu.login, apiKey: odooEmu.apiKey, protocol: "jsonrpc" },
    { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
  );
  deps = { prisma, odoo, now: () => new Date(Date.now() + 1000) };
});
afterAll(async () => {
  await odooEmu.close();
  useWebhookSecret(null);
});
beforeEach(async () => {
  await prisma.mailchimpWebhookEvent.deleteMany();
  await prisma.consentApproval.deleteMany();
});

async function deliver(emails: string[], type = "unsubscribe") {
  for (const email of emails) {
    const fields = { ...unsubscribeFields(email), type };
    expect((await POST(formRequest(fields), ctx(SECRET))).status).toBe(200);
  }
}
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}@acme.io`);

describe("processing", () => {
  it("applies each event once when several workers run at the same time", async () => {
    await deliver(people(12, "para"));
    const runs = await Promise.all([1, 2, 3].map(() => processWebhookEvents(deps, { limit: 100 })));
    expect(runs.reduce((n, r) => n + r.processed, 0)).toBe(12);
    expect(await prisma.consentWriteback.count({ where: { email: { startsWith: "para" } } })).toBe(12);
    expect(await prisma.mailchimpWebhookEvent.count({ where: { status: "processed" } })).toBe(12);
  });

  it("holds a batch over the threshold until an admin approves it", async () => {
    expect(needsApproval([{ email: "a" }, { email: "a" }, { email: "b" }], 1)).toBe(true);
    expect(needsApproval([{ email: "a" }, { email: "a" }], 1)).toBe(false);
    await deliver(people(4, "mass"));
    await processWebhookEvents(deps);
    const held = await applyWritebacks(deps, { approvalThreshold: 3 });
    expect(held).toMatchObject({ held: true, attempted: 0 });
    const approval = await prisma.consentApproval.findFirstOrThrow();
    expect(approval).toMatchObject({ status: "pending", count: 4, kind: "consent_writeback" });
    expect((await applyWritebacks(deps, { approvalThreshold: 3 })).attempted).toBe(0);

    const admin = await createUser(prisma, { email: "root@x.test", name: "Ada Admin", role: "admin" });
    await decideApproval(prisma, { approvalId: approval.id, decision: "approved", userId: admin.id });
    expect((await applyWritebacks(deps, { approvalThreshold: 3 })).done).toBe(4);
    await expect(decideApproval(prisma, { approvalId: approval.id, decision: "rejected", userId: admin.id })).rejects.toThrow(/already decided/);
  });

  it("closes a rejected batch as failed with the reason, without touching Odoo", async () => {
    await deliver(people(3, "nope"));
    await processWebhookEvents(deps);
    await applyWritebacks(deps, { approvalThreshold: 2 });
    const approval = await prisma.consentApproval.findFirstOrThrow({ where: { status: "pending" } });
    const admin = await prisma.user.findFirstOrThrow();
    await decideApproval(prisma, { approvalId: approval.id, decision: "rejected", userId: admin.id });
    const rows = await prisma.consentWriteback.findMany({ where: { email: { startsWith: "nope" } } });
    expect(rows.every((r) => r.status === "failed" && r.lastError?.includes("rejected"))).toBe(true);
  });

  it("leaves a permanent Odoo error failed and visible (opt-out field that does not exist)", async () => {
    const fieldDeps = { ...deps, settings: { target: { kind: "partner_field" as const, field: "x_marketing_opt_out" } } };
    await deliver(["field@acme.io"]);
    const pass = await runConsentJob(fieldDeps);
    expect(pass.writebacks).toMatchObject({ attempted: 1, failed: 1 });
    const wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "field@acme.io" } });
    expect(wb).toMatchObject({ status: "failed", action: "set_field", target: "res.partner.x_marketing_opt_out" });
    expect(wb.lastError).toContain("x_marketing_opt_out");
  });

  it("does not lift the blacklist on re-subscribe unless the setting allows it", async () => {
    await deliver(["back@acme.io"]);
    await runConsentJob(deps);
    await deliver(["back@acme.io"], "subscribe");
    await runConsentJob(deps);
    expect(await prisma.consentWriteback.count({ where: { email: "back@acme.io", action: "unblacklist" } })).toBe(0);
    await deliver(["back2@acme.io"]);
    await runConsentJob(deps);
    await deliver(["back2@acme.io"], "subscribe");
    await runConsentJob({ ...deps, settings: { liftOptOutOnResubscribe: true } });
    const lifted = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "back2@acme.io", action: "unblacklist" } });
    expect(lifted.status).toBe("done");
    const rows = await deps.odoo.searchPage("mail.blacklist", { domain: [["email", "=", "back2@acme.io"]], fields: ["active"], limit: 1, activeTest: false });
    expect(rows).toEqual([{ id: expect.any(Number), active: false }]);
  });
});

describe("firewall refusals", () => {
  it("records a refusal once per address and rule, counting repeats", async () => {
    const write = { kind: "put_upsert" as const, body: { status: "subscribed", status_if_new: "subscribed" }, memberExists: true, knownStatus: "unsubscribed" as const, allowedNewStatus: "pending" as const };
    for (let i = 0; i < 2; i++) {
      const d = await guardMemberWrite(prisma, { audienceId: "aud1", email: "Out@Acme.io", partnerIds: [3] }, write);
      expect(d.allow).toBe(false);
    }
    const ex = await prisma.syncException.findFirstOrThrow({ where: { kind: "consent_refused" } });
    expect(ex).toMatchObject({ email: "out@acme.io", occurrences: 2, partnerIds: [3] });
    expect(ex.detail).toMatchObject({ code: "status_for_existing_member", fields: ["status", "status_if_new"] });
  });
});

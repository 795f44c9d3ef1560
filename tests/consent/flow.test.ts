import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditAudienceWebhooks, ensureAudienceWebhook, pollAudienceConsent, runConsentJob, type ConsentDeps } from "@/lib/consent";
import { savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";
import { useWebhookSecret } from "./helpers";
import { startConsentStack, waitFor } from "./stack";

// The whole loop against both emulators: a person acts in Mailchimp -> webhook -> stored -> processed -> Odoo.

const { prisma } = await useTestDatabase({ asProcessDefault: true });
let stack: Awaited<ReturnType<typeof startConsentStack>>;
let deps: ConsentDeps;

beforeAll(async () => {
  useWebhookSecret();
  stack = await startConsentStack();
  deps = { prisma, odoo: stack.odoo };
  // Consent events apply only to audiences of the active policy (issue 15): the stack's one audience is one.
  await savePolicy(prisma, { routing: { rules: [{ name: "All", audienceId: stack.listId }] } });
  for (const email of ["eve@acme.io", "bob@acme.io", "fay@acme.io", "gus@acme.io", "ida@acme.io", "kim@acme.io"]) {
    await stack.mailchimp.members.upsert(stack.listId, { email_address: email, status_if_new: "subscribed" });
    await prisma.syncRecord.create({ data: { audienceId: stack.listId, email, partnerIds: [email.length], lastStatus: "synced", memberStatus: "subscribed" } });
  }
  await ensureAudienceWebhook(stack.mailchimp, stack.listId, stack.webhookUrl);
});
afterAll(async () => {
  await stack.close();
  useWebhookSecret(null);
});

const blacklist = (email: string) =>
  stack.odoo.searchPage<{ id: number; active: boolean }>("mail.blacklist", { domain: [["email", "=", email]], fields: ["id", "active"], limit: 5, activeTest: false });
const eventOf = (email: string, type: string) => waitFor(() => prisma.mailchimpWebhookEvent.findFirst({ where: { email, type } }));
const memberStatus = async (email: string) =>
  (await prisma.syncRecord.findUniqueOrThrow({ where: { audienceId_email: { audienceId: stack.listId, email } } })).memberStatus;

describe("webhook registration", () => {
  it("registers once, with user and admin sources only, and audits as ok", async () => {
    expect((await ensureAudienceWebhook(stack.mailchimp, stack.listId, stack.webhookUrl)).action).toBe("unchanged");
    const [hook] = await stack.mailchimp.webhooks.list(stack.listId);
    expect(hook?.sources).toEqual({ user: true, admin: true, api: false });
    expect(await auditAudienceWebhooks(stack.mailchimp, [stack.listId], stack.webhookUrl)).toEqual([{ audienceId: stack.listId, status: "ok", detail: "registered" }]);
    expect((await auditAudienceWebhooks(stack.mailchimp, [stack.listId], "http://elsewhere.io/api/webhooks/mailchimp/x"))[0]?.status).toBe("wrong_url");
  });
});

describe("flow-back to Odoo", () => {
  it("puts a person who unsubscribed in Mailchimp on Odoo's blacklist, once", async () => {
    await stack.humanAction("eve@acme.io", "unsubscribe");
    const event = await eventOf("eve@acme.io", "unsubscribe");
    expect(event.status).toBe("received");
    const pass = await runConsentJob(deps);
    expect(pass.events.processed).toBeGreaterThanOrEqual(1);
    expect(await blacklist("eve@acme.io")).toEqual([{ id: expect.any(Number), active: true }]);
    expect(await memberStatus("eve@acme.io")).toBe("unsubscribed");
    const wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "eve@acme.io" } });
    expect(wb).toMatchObject({ status: "done", action: "blacklist", target: "mail.blacklist", attempts: 1 });
    expect(wb.cause).toMatchObject({ eventId: event.id.toString(), source: "webhook", reason: expect.stringContaining("unsubscribe") });
    const again = await runConsentJob(deps);
    expect(again.events.claimed + again.writebacks.attempted).toBe(0);
  });

  it("blacklists a bounce (cleaned) and re-activates an archived blacklist entry instead of duplicating it", async () => {
    const [id] = await stack.odoo.create("mail.blacklist", [{ email: "bob@acme.io" }]);
    await stack.odoo.write("mail.blacklist", [id as number], { active: false });
    await stack.humanAction("bob@acme.io", "bounce");
    await eventOf("bob@acme.io", "cleaned");
    await runConsentJob(deps);
    expect(await blacklist("bob@acme.io")).toEqual([{ id, active: true }]);
    expect(await memberStatus("bob@acme.io")).toBe("cleaned");
  });

  it("turns an address change into an exception for ops, and writes nothing to Odoo", async () => {
    await stack.humanAction("fay@acme.io", "upemail", { new_email: "fay.new@acme.io" });
    await eventOf("fay@acme.io", "upemail");
    await runConsentJob(deps);
    const ex = await prisma.syncException.findFirstOrThrow({ where: { kind: "email_changed_in_mailchimp" } });
    expect(ex).toMatchObject({ email: "fay@acme.io", partnerIds: ["fay@acme.io".length], status: "open" });
    expect(ex.detail).toMatchObject({ old_email: "fay@acme.io", new_email: "fay.new@acme.io" });
    expect(await prisma.consentWriteback.count({ where: { email: { startsWith: "fay" } } })).toBe(0);
  });

  it("stores a profile edit without writing to Odoo", async () => {
    await stack.humanAction("gus@acme.io", "profile", { merge_fields: { FNAME: "Gustav" } });
    const event = await eventOf("gus@acme.io", "profile");
    await runConsentJob(deps);
    expect((await prisma.mailchimpWebhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("processed");
    expect(await prisma.consentWriteback.count({ where: { email: "gus@acme.io" } })).toBe(0);
  });

  it("does not hear the integration's own API writes (no echo) and the poller catches what the webhook missed", async () => {
    // An unsubscribe through the API (as if its webhook had been lost): source api is off, nothing arrives.
    await stack.mailchimp.members.upsert(stack.listId, { email_address: "ida@acme.io", status_if_new: "subscribed", status: "unsubscribed" });
    // Deliveries are scheduled while the write is answered: once they are settled, none can still arrive.
    await stack.deliveriesSettled();
    expect(await prisma.mailchimpWebhookEvent.count({ where: { email: "ida@acme.io" } })).toBe(0);

    const first = await pollAudienceConsent({ prisma, mailchimp: stack.mailchimp }, stack.listId);
    // Backfill: every member read; only ida is news (eve and bob came by webhook already).
    expect(first.members).toBeGreaterThanOrEqual(6);
    expect(first.eventsCreated).toBe(1);
    expect(first.cursorTo).not.toBeNull();
    await runConsentJob(deps);
    expect(await blacklist("ida@acme.io")).toEqual([{ id: expect.any(Number), active: true }]);
    const wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "ida@acme.io" } });
    expect(wb.cause).toMatchObject({ source: "poll" });

    const second = await pollAudienceConsent({ prisma, mailchimp: stack.mailchimp }, stack.listId);
    expect(second.cursorFrom).toBe(first.cursorTo);
    expect(second.eventsCreated).toBe(0);
  });

  it("reads only members whose status can be consent news, not the transactional members a sync just wrote", async () => {
    const load = Array.from({ length: 40 }, (_, i) => ({ email_address: `loaded${i}@acme.io`, status: "transactional" as const }));
    await stack.mailchimp.batchSubscribe(stack.listId, load, { updateExisting: false });
    await stack.mailchimp.members.upsert(stack.listId, { email_address: "leaver@acme.io", status_if_new: "subscribed" });
    await stack.mailchimp.members.upsert(stack.listId, { email_address: "leaver@acme.io", status_if_new: "subscribed", status: "unsubscribed" });
    await prisma.syncCursor.deleteMany({ where: { key: { startsWith: "mailchimp.poll." } } });
    const summary = await pollAudienceConsent({ prisma, mailchimp: stack.mailchimp }, stack.listId);
    const all = await stack.mailchimp.members.list(stack.listId, { count: 1000 });
    const relevant = all.members.filter((m) => ["unsubscribed", "cleaned", "subscribed"].includes(m.status)).length;
    expect(summary.members).toBe(relevant);
    expect(summary.members).toBeLessThan(all.total_items - 39);
    expect(await prisma.mailchimpWebhookEvent.count({ where: { email: "leaver@acme.io", source: "poll" } })).toBe(1);
    // Not this test's subject: keep the leaver's write-back out of the next test's count.
    await prisma.mailchimpWebhookEvent.deleteMany({ where: { email: "leaver@acme.io" } });
  });

  it("retries a write-back through Odoo outages with backoff, then completes", async () => {
    await stack.odooFaults({ fault_rate: 1, fault_kinds: ["503"] });
    await stack.humanAction("kim@acme.io", "unsubscribe");
    await eventOf("kim@acme.io", "unsubscribe");
    const t0 = new Date(Date.now() + 1000);
    const failed = await runConsentJob({ ...deps, now: () => t0 });
    expect(failed.writebacks).toMatchObject({ attempted: 1, retrying: 1 });
    let wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "kim@acme.io" } });
    expect(wb).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("OdooTransientError") });
    expect(wb.nextAttemptAt.getTime() - t0.getTime()).toBe(30_000);

    // Not due yet: nothing happens.
    expect((await runConsentJob({ ...deps, now: () => new Date(t0.getTime() + 10_000) })).writebacks.attempted).toBe(0);
    const t1 = new Date(t0.getTime() + 31_000);
    await runConsentJob({ ...deps, now: () => t1 });
    wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "kim@acme.io" } });
    expect(wb.attempts).toBe(2);
    expect(wb.nextAttemptAt.getTime() - t1.getTime()).toBe(60_000);

    await stack.odooFaults({ fault_rate: 0 });
    await runConsentJob({ ...deps, now: () => new Date(t1.getTime() + 61_000) });
    wb = await prisma.consentWriteback.findFirstOrThrow({ where: { email: "kim@acme.io" } });
    expect(wb).toMatchObject({ status: "done", attempts: 3 });
    expect(await blacklist("kim@acme.io")).toHaveLength(1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { applyWritebacks, ensureAudienceWebhook, processWebhookEvents, type ConsentDeps } from "@/lib/consent";
import { savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";
import { ctx, formRequest, SECRET, unsubscribeFields, useWebhookSecret } from "./helpers";
import { startConsentStack } from "./stack";

// Issue 14, "Consent write-backs": a page of opt-outs costs Odoo a few calls, not two or three per person; the
// approval gate counts people per time window, not per pass; a misconfigured webhook is fixed in place.

const { prisma } = await useTestDatabase({ asProcessDefault: true });
let stack: Awaited<ReturnType<typeof startConsentStack>>;
let deps: ConsentDeps;
let clock = Date.now();

beforeAll(async () => {
  useWebhookSecret();
  stack = await startConsentStack();
  deps = { prisma, odoo: stack.odoo, now: () => new Date(clock) };
  // Events apply only to the active policy's audiences (issue 15): the deliveries below name aud1.
  await savePolicy(prisma, { routing: { rules: [{ name: "All", audienceId: "aud1" }] } });
});
afterAll(async () => {
  await stack.close();
  useWebhookSecret(null);
});
beforeEach(async () => {
  clock = Date.now() + 1000;
  await prisma.mailchimpWebhookEvent.deleteMany();
  await prisma.consentApproval.deleteMany();
});

async function deliver(emails: string[]) {
  for (const email of emails) expect((await POST(formRequest(unsubscribeFields(email)), ctx(SECRET))).status).toBe(200);
  await processWebhookEvents(deps, { limit: 1000 });
  clock = Math.max(clock, Date.now() + 1000);
}
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}@acme.io`);
const blacklisted = async (emails: string[]) =>
  (await stack.odoo.searchPage<{ id: number; email: string; active: boolean }>("mail.blacklist", { domain: [["email", "in", emails]], fields: ["email", "active"], limit: 1000, activeTest: false }))
    .filter((r) => r.active).map((r) => r.email).sort();

describe("batched write-backs", () => {
  it("blacklists a page of 60 people in one search, one create and one write", async () => {
    const emails = people(60, "bulk");
    // Two were blacklisted once and released: they are re-activated, not duplicated.
    const archived = await stack.odoo.create("mail.blacklist", [{ email: emails[0] }, { email: emails[1] }]);
    await stack.odoo.write("mail.blacklist", archived, { active: false });
    await deliver(emails);
    stack.odoo.counter.reset();
    const pass = await applyWritebacks(deps, { approvalThreshold: 1000 });
    expect(pass).toMatchObject({ attempted: 60, done: 60, failed: 0 });
    expect(stack.odoo.counter.total).toBeLessThanOrEqual(3);
    expect(await blacklisted(emails)).toEqual([...emails].sort());
    const rows = await stack.odoo.searchPage("mail.blacklist", { domain: [["email", "in", emails.slice(0, 2)]], fields: ["id"], limit: 10, activeTest: false });
    expect(rows.map((r) => r.id).sort()).toEqual([...archived].sort());
  });
});

describe("approval gate per window", () => {
  it("holds the pass that takes the window over the threshold, and counts afresh in the next window", async () => {
    const settings = { approvalThreshold: 5, approvalWindowMinutes: 60 };
    const gated = { ...deps, settings };
    await deliver(people(4, "early"));
    expect(await applyWritebacks(gated)).toMatchObject({ held: false, done: 4 });
    clock += 10 * 60_000;
    await deliver(people(3, "later"));
    const held = await applyWritebacks(gated);
    expect(held).toMatchObject({ held: true, attempted: 0 });
    expect(await prisma.consentApproval.findFirstOrThrow({ where: { status: "pending" } })).toMatchObject({ count: 3 });
    clock += 2 * 60 * 60_000;
    await deliver(people(3, "next"));
    expect(await applyWritebacks(gated)).toMatchObject({ held: false, done: 3 });
  });
});

describe("webhook registration", () => {
  it("fixes a misconfigured webhook in place (PATCH), keeping its id", async () => {
    for (const w of await stack.mailchimp.webhooks.list(stack.listId)) await stack.mailchimp.webhooks.delete(stack.listId, w.id);
    const wrong = await stack.mailchimp.webhooks.create(stack.listId, { url: stack.webhookUrl, events: { subscribe: true, unsubscribe: false }, sources: { user: true, admin: true, api: true } });
    const result = await ensureAudienceWebhook(stack.mailchimp, stack.listId, stack.webhookUrl);
    expect(result).toMatchObject({ action: "updated", webhookId: wrong.id, removed: [] });
    const [hook, ...others] = await stack.mailchimp.webhooks.list(stack.listId);
    expect(others).toEqual([]);
    expect(hook).toMatchObject({ id: wrong.id, sources: { user: true, admin: true, api: false }, events: { unsubscribe: true, upemail: true } });
    expect((await ensureAudienceWebhook(stack.mailchimp, stack.listId, stack.webhookUrl)).action).toBe("unchanged");
  });
});

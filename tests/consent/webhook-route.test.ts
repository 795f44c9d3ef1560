import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { processWebhookEvents } from "@/lib/consent";
import { savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "../helpers/db";
import { ctx, formRequest, SECRET, unsubscribeFields, useWebhookSecret } from "./helpers";

const { prisma } = await useTestDatabase({ asProcessDefault: true });
const events = () => prisma.mailchimpWebhookEvent.findMany({ orderBy: { id: "asc" } });
// aud1 is the audience Bridgeline manages in these tests; anything else is someone else's list.
await savePolicy(prisma, { routing: { rules: [{ name: "All", audienceId: "aud1" }] } });

beforeEach(async () => {
  useWebhookSecret();
  await prisma.mailchimpWebhookEvent.deleteMany();
});
afterAll(() => useWebhookSecret(null));

describe("webhook route: who may call it", () => {
  it("answers Mailchimp's validation GET with 200 when the secret matches", async () => {
    expect((await GET(new Request("http://localhost/x"), ctx(SECRET))).status).toBe(200);
  });
  it("is a 404 for a wrong secret, on GET and POST, and stores nothing", async () => {
    expect((await GET(new Request("http://localhost/x"), ctx("nope"))).status).toBe(404);
    expect((await POST(formRequest(unsubscribeFields("a@acme.io")), ctx("nope"))).status).toBe(404);
    expect(await events()).toHaveLength(0);
  });
  it("is a 404 for everyone while MAILCHIMP_WEBHOOK_SECRET is unset", async () => {
    useWebhookSecret(null);
    expect((await GET(new Request("http://localhost/x"), ctx(SECRET))).status).toBe(404);
    expect((await GET(new Request("http://localhost/x"), ctx(""))).status).toBe(404);
    expect((await POST(formRequest(unsubscribeFields("a@acme.io")), ctx(SECRET))).status).toBe(404);
  });
});

describe("webhook route: what it accepts", () => {
  it("refuses JSON with 415", async () => {
    const res = await POST(formRequest(unsubscribeFields("a@acme.io"), { contentType: "application/json" }), ctx(SECRET));
    expect(res.status).toBe(415);
  });
  it("refuses a body over 64 KB with 413, even without Content-Length", async () => {
    const big = { ...unsubscribeFields("a@acme.io"), "data[merges][NOTES]": "x".repeat(70_000) };
    expect((await POST(formRequest(big), ctx(SECRET))).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("a".repeat(5000)));
        c.close();
      },
    });
    const chunked = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await POST(chunked, ctx(SECRET))).status).toBe(413);
    expect(await events()).toHaveLength(0);
  });
  it("answers 400 to unknown types and missing fields, and stores nothing", async () => {
    const unknown = await POST(formRequest({ ...unsubscribeFields("a@acme.io"), type: "teleport" }), ctx(SECRET));
    expect(unknown.status).toBe(400);
    const { "data[email]": _dropped, ...noEmail } = unsubscribeFields("a@acme.io");
    expect((await POST(formRequest(noEmail), ctx(SECRET))).status).toBe(400);
    expect((await POST(formRequest({ ...unsubscribeFields("a@acme.io"), fired_at: "yesterday" }), ctx(SECRET))).status).toBe(400);
    expect((await POST(formRequest({ type: "upemail", fired_at: "2026-11-26 10:00:00", "data[list_id]": "aud1" }), ctx(SECRET))).status).toBe(400);
    expect((await POST(formRequest({ "data[__proto__][x]": "1", type: "cleaned" }), ctx(SECRET))).status).toBe(400);
    expect(await events()).toHaveLength(0);
  });
});

describe("webhook route: storing", () => {
  it("stores a delivery before answering, with nested merges, and stores Mailchimp's retry once", async () => {
    const first = await POST(formRequest(unsubscribeFields("Eve@Acme.io")), ctx(SECRET));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, stored: true });
    const retry = await POST(formRequest(unsubscribeFields("Eve@Acme.io")), ctx(SECRET));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ ok: true, stored: false });
    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "unsubscribe", listId: "aud1", email: "eve@acme.io", status: "received", source: "webhook" });
    expect(rows[0]?.firedAt?.toISOString()).toBe("2026-11-26T10:00:00.000Z");
    expect(rows[0]?.payload).toMatchObject({ data: { merges: { EMAIL: "Eve@Acme.io", FNAME: "Eve" } } });
  });
  it("stores events for addresses the engine has never synced (shown, not dropped)", async () => {
    expect(await prisma.syncRecord.count()).toBe(0);
    expect((await POST(formRequest(unsubscribeFields("stranger@elsewhere.io")), ctx(SECRET))).status).toBe(200);
    expect((await events()).map((e) => e.email)).toEqual(["stranger@elsewhere.io"]);
  });
  it("keeps two different deliveries for the same person", async () => {
    await POST(formRequest(unsubscribeFields("a@acme.io", "aud1", "2026-11-26 10:00:00")), ctx(SECRET));
    await POST(formRequest(unsubscribeFields("a@acme.io", "aud1", "2026-11-26 11:00:00")), ctx(SECRET));
    expect(await events()).toHaveLength(2);
  });
  it("stores campaign events as ignored", async () => {
    const res = await POST(formRequest({ type: "campaign", fired_at: "2026-11-26 10:00:00", "data[id]": "c1", "data[list_id]": "aud1", "data[status]": "sent" }), ctx(SECRET));
    expect(res.status).toBe(200);
    expect((await events())[0]).toMatchObject({ type: "campaign", status: "ignored", email: null });
  });
});

describe("webhook route: only lists Bridgeline manages (issue 15)", () => {
  it("stores an event for a list outside the active policy as ignored, with the reason, and never applies it", async () => {
    const res = await POST(formRequest(unsubscribeFields("victim@elsewhere.io", "not-a-bridgeline-list")), ctx(SECRET));
    expect(res.status).toBe(200);
    const [row] = await events();
    expect(row).toMatchObject({ status: "ignored", ignoredReason: "list not-a-bridgeline-list is not an audience of the active policy" });
    await processWebhookEvents({ prisma });
    expect(await prisma.consentWriteback.count({ where: { email: "victim@elsewhere.io" } })).toBe(0);
  });

  it("ignores on processing an event whose audience the policy dropped after it arrived", async () => {
    await POST(formRequest(unsubscribeFields("late@acme.io")), ctx(SECRET));
    expect((await events())[0]?.status).toBe("received");
    await savePolicy(prisma, { routing: { rules: [{ name: "Other", audienceId: "aud2" }] } });
    try {
      expect(await processWebhookEvents({ prisma })).toMatchObject({ processed: 0, ignored: 1 });
      expect((await events())[0]).toMatchObject({ status: "ignored", ignoredReason: "list aud1 is not an audience of the active policy" });
      expect(await prisma.consentWriteback.count({ where: { email: "late@acme.io" } })).toBe(0);
    } finally {
      await savePolicy(prisma, { routing: { rules: [{ name: "All", audienceId: "aud1" }] } });
    }
  });

  it("counts replays that differ only in letter case, field order or extra fields as one event", async () => {
    expect(await (await POST(formRequest(unsubscribeFields("eve@acme.io")), ctx(SECRET))).json()).toEqual({ ok: true, stored: true });
    const shouted = { ...unsubscribeFields("EVE@ACME.IO"), "data[merges][LNAME]": "Extra", "data[ip_opt]": "1.2.3.4" };
    const reordered = Object.fromEntries(Object.entries(shouted).reverse());
    expect(await (await POST(formRequest(shouted), ctx(SECRET))).json()).toEqual({ ok: true, stored: false });
    expect(await (await POST(formRequest(reordered), ctx(SECRET))).json()).toEqual({ ok: true, stored: false });
    expect(await events()).toHaveLength(1);
  });

  it("refuses fired_at in the future (beyond a few minutes of clock skew)", async () => {
    const ahead = new Date(Date.now() + 60 * 60 * 1000).toISOString().slice(0, 19).replace("T", " ");
    expect((await POST(formRequest(unsubscribeFields("a@acme.io", "aud1", ahead)), ctx(SECRET))).status).toBe(400);
    expect(await events()).toHaveLength(0);
  });

  it("answers 400, not 500, to NUL bytes in any field (Postgres text cannot hold them)", async () => {
    for (const fields of [
      unsubscribeFields("nul\u0000@acme.io"),
      { ...unsubscribeFields("a@acme.io"), "data[merges][FNAME]": "E\u0000ve" },
      { ...unsubscribeFields("a@acme.io"), "data[list_id]": "aud1\u0000" },
      { ...unsubscribeFields("a@acme.io"), "x\u0000": "1" },
    ]) {
      expect((await POST(formRequest(fields), ctx(SECRET))).status).toBe(400);
    }
    expect(await events()).toHaveLength(0);
  });
});

import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { useTestDatabase } from "../helpers/db";
import { ctx, formRequest, SECRET, unsubscribeFields, useWebhookSecret } from "./helpers";

const { prisma } = await useTestDatabase({ asProcessDefault: true });
const events = () => prisma.mailchimpWebhookEvent.findMany({ orderBy: { id: "asc" } });

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

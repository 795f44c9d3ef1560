import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { md5, startTestApi, type TestApi } from "./test-support/api.js";
import { startReceiver, type Receiver } from "./test-support/webhook-receiver.js";
import { loadSpecValidator, type SpecValidator } from "./test-support/spec-schemas.js";

// mailchimp-api.md "Webhooks": URL validated with a GET, form-encoded deliveries, retries, 410 disables,
// and writes through the API echo back only when the "api" source is ticked.

let api: TestApi;
let rx: Receiver;
let spec: SpecValidator;
let listId: string;

/** Every delivery the last actions scheduled (retries included) has been made or given up. */
const deliveriesSettled = () => api.emu.state.webhooks.whenIdle();

beforeAll(async () => {
  api = await startTestApi({ webhookRetryMs: 10 });
  rx = await startReceiver();
  spec = loadSpecValidator();
});
afterAll(async () => { await api.emu.close(); await rx.close(); });
beforeEach(async () => {
  rx.received.length = 0;
  rx.answer([]);
  listId = await api.newList();
});

async function hook(sources: Record<string, boolean>) {
  return api.call("POST", `/lists/${listId}/webhooks`, { url: rx.url, events: { subscribe: true, unsubscribe: true, profile: true, cleaned: true, upemail: true, campaign: true }, sources });
}

describe("webhook registration", () => {
  it("checks the URL with a GET and returns the webhook", async () => {
    const res = await hook({ user: true, admin: true, api: false });
    expect(res.status).toBe(200);
    expect(rx.received.map((r) => r.method)).toEqual(["GET"]);
    // The spec's single-webhook schema was lost to a name clash; Add_Webhook plus the read-only id/list_id it documents.
    expect(spec.validate("Add_Webhook", res.body)).toEqual([]);
    expect(res.body).toMatchObject({ id: expect.any(String), list_id: listId, url: rx.url });
    expect(spec.validate("List_Webhooks", (await api.call("GET", `/lists/${listId}/webhooks`)).body)).toEqual([]);
  });
  it("refuses a URL whose GET does not answer 2xx", async () => {
    const res = await api.call("POST", `/lists/${listId}/webhooks`, { url: "http://127.0.0.1:9/nothing" });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe("Invalid Resource");
  });
});

describe("deliveries", () => {
  it("posts a form-encoded unsubscribe with source user when a person unsubscribes", async () => {
    await hook({ user: true, admin: true, api: false });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "eve@acme.io", status: "subscribed" });
    await api.control("POST", `/lists/${listId}/members/${md5("eve@acme.io")}/actions/unsubscribe`, { campaign_id: "c1" });
    const [post] = await rx.waitForPosts(1);
    expect(post?.contentType).toContain("application/x-www-form-urlencoded");
    expect(post?.form.get("type")).toBe("unsubscribe");
    expect(post?.form.get("fired_at")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(post?.form.get("data[email]")).toBe("eve@acme.io");
    expect(post?.form.get("data[action]")).toBe("unsub");
    expect(post?.form.get("data[reason]")).toBe("manual");
    expect(post?.form.get("data[campaign_id]")).toBe("c1");
    expect(post?.form.get("data[list_id]")).toBe(listId);
    await deliveriesSettled();
    expect(rx.posts()).toHaveLength(1);
  });
  it("fires cleaned, upemail and profile for the matching human actions", async () => {
    await hook({ user: true, admin: true, api: false });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "fay@acme.io", status: "subscribed" });
    await api.control("POST", `/lists/${listId}/members/${md5("fay@acme.io")}/actions/profile`, { merge_fields: { FNAME: "Fay" } });
    await api.control("POST", `/lists/${listId}/members/${md5("fay@acme.io")}/actions/upemail`, { new_email: "fay.new@acme.io" });
    await api.control("POST", `/lists/${listId}/members/${md5("fay.new@acme.io")}/actions/bounce`, {});
    const posts = await rx.waitForPosts(3);
    const byType = new Map(posts.map((p) => [p.form.get("type"), p.form]));
    expect(byType.get("profile")?.get("data[merges][FNAME]")).toBe("Fay");
    expect(byType.get("upemail")?.get("data[old_email]")).toBe("fay@acme.io");
    expect(byType.get("upemail")?.get("data[new_email]")).toBe("fay.new@acme.io");
    expect(byType.get("cleaned")?.get("data[reason]")).toBe("hard");
  });
  it("echoes API writes only when the api source is ticked", async () => {
    await hook({ user: true, admin: true, api: false });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "gus@acme.io", status: "subscribed" });
    // Deliveries are scheduled while the write is answered: settled now means none was.
    await deliveriesSettled();
    expect(rx.posts()).toHaveLength(0);
    const id = (await api.call("GET", `/lists/${listId}/webhooks`)).body.webhooks[0].id;
    await api.call("PATCH", `/lists/${listId}/webhooks/${id}`, { sources: { api: true } });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "hal@acme.io", status: "subscribed" });
    const [post] = await rx.waitForPosts(1);
    expect(post?.form.get("type")).toBe("subscribe");
    expect(post?.form.get("data[email]")).toBe("hal@acme.io");
  });
  it("retries a failed delivery with backoff until it succeeds", async () => {
    await hook({ user: true, admin: true, api: false });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "ida@acme.io", status: "subscribed" });
    rx.answer([500, 503]);
    await api.control("POST", `/lists/${listId}/members/${md5("ida@acme.io")}/actions/unsubscribe`, {});
    const posts = await rx.waitForPosts(3);
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.form.get("fired_at"))).size).toBe(1);
  });
  it("stops delivering to a webhook that answered 410", async () => {
    await hook({ user: true, admin: true, api: false });
    await api.call("POST", `/lists/${listId}/members`, { email_address: "jon@acme.io", status: "subscribed" });
    rx.answer([410]);
    await api.control("POST", `/lists/${listId}/members/${md5("jon@acme.io")}/actions/unsubscribe`, {});
    await rx.waitForPosts(1);
    await api.control("POST", `/lists/${listId}/members/${md5("jon@acme.io")}/actions/resubscribe`, {});
    await deliveriesSettled();
    expect(rx.posts()).toHaveLength(1);
  });
});

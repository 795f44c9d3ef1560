import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailchimpClient, MailchimpError, subscriberHash, withRetry, type BatchMember, type BatchObservation, type PollDecision } from "@/lib/mailchimp";
import { ETA_MARGIN } from "@/lib/mailchimp/batch-poll-plan";
import { manualClock } from "@/emulators/mailchimp/test-support/manual-clock";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { holdConnections, startMailchimpStack, startWebhookReceiver } from "./helpers/mailchimp-setup";
import { loadMailchimpSpec } from "./helpers/openapi";

type Stack = Awaited<ReturnType<typeof startMailchimpStack>>;

describe("Mailchimp connector against the emulator", () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startMailchimpStack();
  });
  afterAll(async () => s?.close());

  it("pings", async () => {
    expect(await s.client.ping()).toEqual({ health_status: "Everything's Chimpy!" });
  });

  it("creates and lists merge fields", async () => {
    const created = await s.client.mergeFields.create(s.listId, { name: "Lifetime value", type: "number", tag: "LTV" });
    expect(created).toMatchObject({ tag: "LTV", type: "number" });
    expect((await s.client.mergeFields.list(s.listId)).map((f) => f.tag)).toContain("LTV");
  });

  it("batch-subscribes and classifies each failed member", async () => {
    const members: BatchMember[] = [
      { email_address: "ada@lovelace.io", status: "subscribed", merge_fields: { FNAME: "Ada", LTV: 12 } },
      { email_address: "test@example.com", status: "subscribed" },
      { email_address: "grace@hopper.dev", status: "subscribed", merge_fields: { LTV: "lots" } },
    ];
    const result = await s.client.batchSubscribe(s.listId, members, { updateExisting: true });
    expect(result.totalCreated).toBe(1);
    expect(result.errors.map((e) => [e.email, e.kind])).toEqual([
      ["test@example.com", "invalid_email"],
      ["grace@hopper.dev", "invalid_merge_field"],
    ]);
    const again = await s.client.batchSubscribe(s.listId, [members[0] as BatchMember], { updateExisting: false });
    expect(again.errors[0]?.kind).toBe("member_exists");
  });

  it("upserts with status_if_new and leaves an existing member's status alone", async () => {
    const created = await s.client.members.upsert(s.listId, { email_address: "Linus@Torvalds.fi", status_if_new: "subscribed", merge_fields: { FNAME: "Linus" } });
    expect(created).toMatchObject({ status: "subscribed", id: subscriberHash("linus@torvalds.fi") });
    const again = await s.client.members.upsert(s.listId, { email_address: "linus@torvalds.fi", status_if_new: "pending", merge_fields: { LNAME: "T" } });
    expect(again.status).toBe("subscribed");
    expect((await s.client.members.get(s.listId, "LINUS@torvalds.fi"))?.merge_fields).toMatchObject({ FNAME: "Linus", LNAME: "T" });
    expect(await s.client.members.get(s.listId, "nobody-here@torvalds.fi")).toBeNull();
  });

  it("classifies re-subscribing an unsubscribed member as compliance", async () => {
    await s.client.members.upsert(s.listId, { email_address: "margaret@hamilton.space", status_if_new: "unsubscribed" });
    const err = await s.client.members
      .upsert(s.listId, { email_address: "margaret@hamilton.space", status_if_new: "subscribed", status: "subscribed" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailchimpError);
    expect(err).toMatchObject({ kind: "compliance", status: 400, title: "Member In Compliance State", retryable: false });
  });

  it("updates tags (204) and reports not_found for unknown members", async () => {
    await expect(s.client.members.updateTags(s.listId, "ada@lovelace.io", [{ name: "vip", status: "active" }])).resolves.toBeUndefined();
    await expect(s.client.members.updateTags(s.listId, "ghost@nowhere.io", [{ name: "vip", status: "active" }])).rejects.toMatchObject({ kind: "not_found" });
  });

  it("pages members by offset and filters by since_last_changed", async () => {
    const pages: string[][] = [];
    for await (const page of s.client.members.pages(s.listId, { count: 2 })) pages.push(page.map((m) => m.email_address));
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const future = await s.client.members.list(s.listId, { sinceLastChanged: new Date(Date.now() + 86_400_000) });
    expect(future.members).toEqual([]);
  });

  it("runs a /batches job and parses the result archive from another host", async () => {
    const ops = [
      { method: "PUT" as const, path: `/lists/${s.listId}/members/${subscriberHash("alan@turing.ac.uk")}`, operation_id: "put-alan", body: { email_address: "alan@turing.ac.uk", status_if_new: "subscribed" } },
      { method: "PUT" as const, path: `/lists/${s.listId}/members/${subscriberHash("margaret@hamilton.space")}`, operation_id: "resub", body: { email_address: "margaret@hamilton.space", status_if_new: "subscribed", status: "subscribed" } },
      { method: "GET" as const, path: `/lists/${s.listId}/members/${subscriberHash("ghost@nowhere.io")}`, operation_id: "ghost" },
    ];
    const { batch, results } = await s.client.batches.submitAndWait(ops, { intervalMs: 10 });
    expect(batch).toMatchObject({ status: "finished", total_operations: 3, errored_operations: 2 });
    expect(new URL(batch.response_body_url ?? "").origin).toBe(s.emulator.baseUrl);
    const byId = Object.fromEntries(results.map((r) => [r.operationId, r]));
    expect(byId["put-alan"]).toMatchObject({ ok: true, status: 200, body: { email_address: "alan@turing.ac.uk" } });
    expect(byId.resub?.error?.kind).toBe("compliance");
    expect(byId.ghost?.error?.kind).toBe("not_found");
  });

  // The emulated batches run on a manual clock that only the poller's waits move: what each status check sees
  // follows from the waits the poller chose, however busy the machine is. 10 ms per operation, 5 ms per phase.
  async function clockedStack() {
    const clock = manualClock(Date.now());
    const stack = await startMailchimpStack({ latencyMs: 10, batchClock: clock });
    const ops = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({
      method: "PUT" as const, path: `/lists/${stack.listId}/members/${subscriberHash(`${prefix}${i}@shopper.org`)}`, operation_id: `${prefix}${i}`,
      body: { email_address: `${prefix}${i}@shopper.org`, status_if_new: "transactional" },
    }));
    const looks: { decision: PollDecision; observation: BatchObservation }[] = [];
    const poll = { intervalMs: 200, now: clock.now, sleep: clock.advance, onDecision: (decision: PollDecision, observation: BatchObservation) => looks.push({ decision, observation }) };
    const statusChecks = () => stack.emulator.state.stats.snapshot().requests["GET /batches/{batch_id}"] ?? 0;
    return { stack, clock, ops, looks, poll, statusChecks };
  }
  const reasons = (looks: { decision: PollDecision }[]) => looks.map(({ decision: d }) => (d.kind === "wait" ? d.reason : d.kind));
  const waitOf = (look: { decision: PollDecision } | undefined) => (look?.decision.kind === "wait" ? look.decision.ms : NaN);

  it("polls a slow /batches job twice: once to learn its pace, once when it should be done", async () => {
    const c = await clockedStack();
    try {
      const { batch } = await c.stack.client.batches.submitAndWait(c.ops(150, "pace"), c.poll);
      expect(batch).toMatchObject({ status: "finished", total_operations: 150, errored_operations: 0 });
      // 1.5 s of work: polling every 200-300 ms would have cost 5 or more status checks.
      expect(c.statusChecks()).toBe(2);
      expect(reasons(c.looks)).toEqual(["at_pace", "done"]);
      // At 200 ms, 19 of 150 were done: 131 more at that pace, with the 15% margin.
      const [first] = c.looks;
      expect(first?.observation).toMatchObject({ status: "started", done: 19, total: 150 });
      expect(waitOf(first)).toBe(Math.ceil(((131 * 200) / 19) * ETA_MARGIN));
    } finally {
      await c.stack.close();
    }
  });

  it("does not mistake a batch queued behind another for a slow one", async () => {
    const c = await clockedStack();
    try {
      await c.stack.client.batches.start(c.ops(400, "ahead"));
      const queued = await c.stack.client.batches.start(c.ops(300, "behind"));
      const startedAt = c.clock.now();
      const done = await c.stack.client.batches.poll(queued.id, c.poll);
      expect(done.status).toBe("finished");
      // Queued ~4 s behind the first batch, then 3 s of work; first seen working just after it started.
      expect(reasons(c.looks)).toEqual([...Array(5).fill("waiting_to_start"), "learning_pace", "at_pace", "done"]);
      const [lastIdle, firstWork, paceLook, doneLook] = c.looks.slice(4);
      expect(firstWork?.observation).toMatchObject({ status: "started", done: 14, total: 300 });
      // Counting the whole span since the last idle look as work would wait 286 x 1,519 ms / 14 x 1.15 = 36 s.
      // The next look comes within that span instead, and then the pace is measured between working looks.
      const span = firstWork!.observation.at - lastIdle!.observation.at;
      expect(waitOf(firstWork)).toBe(span);
      const pace = (paceLook!.observation.done - 14) / (paceLook!.observation.at - firstWork!.observation.at);
      expect(waitOf(paceLook)).toBe(Math.ceil(((300 - paceLook!.observation.done) / pace) * ETA_MARGIN));
      // The work ended at ~7.0 s of the manual clock: found finished within the margin, not half a minute later.
      expect(doneLook!.observation.at - startedAt).toBeLessThan(7_020 + 0.15 * 3_000);
      expect(c.statusChecks()).toBe(8);
    } finally {
      await c.stack.close();
    }
  });

  it("creates, lists and deletes a webhook", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const hook = await s.client.webhooks.create(s.listId, {
        url: receiver.url,
        events: { subscribe: true, unsubscribe: true, cleaned: true, upemail: true, profile: true, campaign: false },
        sources: { user: true, admin: true, api: false },
      });
      expect((await s.client.webhooks.list(s.listId)).map((w) => w.id)).toContain(hook.id);
      await s.client.webhooks.delete(s.listId, hook.id);
      expect(await s.client.webhooks.list(s.listId)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("syncs a store, customer, product and order, and classifies an unknown product", async () => {
    const ec = s.client.ecommerce;
    await ec.stores.add({ id: "odoo-main", list_id: s.listId, name: "Odoo", currency_code: "EUR", is_syncing: true });
    expect(await ec.stores.update("odoo-main", { is_syncing: false })).toMatchObject({ is_syncing: false });
    expect(await ec.stores.get("odoo-main")).toMatchObject({ list_id: s.listId });
    await ec.customers.set("odoo-main", { id: "partner-7", email_address: "ada@lovelace.io", opt_in_status: false, first_name: "Ada" });
    await ec.products.add("odoo-main", { id: "prod-1", title: "Desk", variants: [{ id: "prod-1", title: "Desk", price: 100, sku: "DESK" }] });
    const order = {
      id: "SO042", customer: { id: "partner-7" }, currency_code: "EUR", order_total: 121, tax_total: 21,
      financial_status: "paid", processed_at_foreign: "2024-05-01T10:00:00+00:00",
      lines: [{ id: "1", product_id: "prod-1", product_variant_id: "prod-1", quantity: 1, price: 100 }],
    };
    await ec.orders.add("odoo-main", order);
    await ec.orders.update("odoo-main", "SO042", { financial_status: "refunded", order_total: 0 });
    expect(await ec.orders.get("odoo-main", "SO042")).toMatchObject({ financial_status: "refunded", order_total: 0 });
    const bad = { ...order, id: "SO043", lines: [{ id: "1", product_id: "nope", product_variant_id: "nope", quantity: 1, price: 1 }] };
    await expect(ec.orders.add("odoo-main", bad)).rejects.toMatchObject({ kind: "missing_product" });
  });

  it("sent only request bodies that match the OpenAPI spec", () => {
    const spec = loadMailchimpSpec();
    const checked = new Map<string, number>();
    for (const req of s.proxy.requests) {
      if (!req.body || req.method === "GET") continue;
      const path = new URL(req.url, "http://x").pathname.replace(/^\/3\.0/, "");
      const body = JSON.parse(req.body) as unknown;
      const { template, errors } = spec.check(req.method, path, body);
      expect(errors, `${req.method} ${template}`).toEqual([]);
      checked.set(`${req.method} ${template}`, (checked.get(`${req.method} ${template}`) ?? 0) + 1);
      if (template === "/batches") {
        for (const op of (body as { operations: Array<{ method: string; path: string; body?: string }> }).operations) {
          if (op.body) expect(spec.check(op.method, op.path, JSON.parse(op.body)).errors, `batch op ${op.method} ${op.path}`).toEqual([]);
        }
      }
    }
    expect([...checked.keys()]).toEqual(
      expect.arrayContaining([
        "PUT /lists/{list_id}/members/{subscriber_hash}",
        "POST /lists/{list_id}",
        "POST /batches",
        "POST /lists/{list_id}/merge-fields",
        "POST /lists/{list_id}/webhooks",
        "POST /lists/{list_id}/members/{subscriber_hash}/tags",
        "POST /ecommerce/stores/{store_id}/orders",
        "PATCH /ecommerce/stores/{store_id}/orders/{order_id}",
        "PUT /ecommerce/stores/{store_id}/customers/{customer_id}",
        "POST /ecommerce/stores/{store_id}/products",
      ]),
    );
  });

  it("counts requests by route template", () => {
    const counts = s.client.counter.snapshot();
    expect(counts["GET /ping"]).toBe(1);
    expect(counts["POST /lists/{list_id}"]).toBe(2);
    expect(counts["GET {response_body_url}"]).toBe(1);
  });
});

describe("Mailchimp throttling", () => {
  it("classifies the requests over 10 simultaneous connections as throttle, and withRetry gets through", async () => {
    const emulator = await startMailchimpEmulator();
    try {
      // Ten connections held open by requests whose body never comes: the emulator counts a connection from its
      // headers, so the next calls are over the limit however fast or slow the machine is.
      const held = await holdConnections(emulator, 10);
      const client = new MailchimpClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
      const outcomes = await Promise.allSettled([client.ping(), client.ping()]);
      expect(outcomes.map((o) => (o.status === "rejected" ? [(o.reason as MailchimpError).kind, (o.reason as MailchimpError).status] : "ok"))).toEqual([["throttle", 429], ["throttle", 429]]);

      // The first try is refused; the connections are given back while withRetry waits; the second try gets through.
      let retries = 0;
      const policy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, onRetry: () => void retries++, sleep: held.release };
      expect(await withRetry(() => client.ping(), policy)).toEqual({ health_status: "Everything's Chimpy!" });
      expect(retries).toBe(1);
    } finally {
      await emulator.close();
    }
  });

  it("classifies a bare 403 as throttle", async () => {
    const emulator = await startMailchimpEmulator({ fault429Rate: 1, bare403Rate: 1 });
    try {
      const client = new MailchimpClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
      await expect(client.ping()).rejects.toMatchObject({ kind: "throttle", status: 403 });
    } finally {
      await emulator.close();
    }
  });

  it("classifies a wrong key as auth, never retried", async () => {
    const emulator = await startMailchimpEmulator();
    try {
      const client = new MailchimpClient({ apiKey: "ffffffffffffffffffffffffffffffff-us21", baseUrl: emulator.url });
      let calls = 0;
      await expect(withRetry(() => (calls++, client.ping()), { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 })).rejects.toMatchObject({ kind: "auth", status: 401 });
      expect(calls).toBe(1);
    } finally {
      await emulator.close();
    }
  });
});

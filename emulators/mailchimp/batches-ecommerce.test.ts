import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { md5, startTestApi, type TestApi } from "./test-support/api.js";
import { loadSpecValidator, type SpecValidator } from "./test-support/spec-schemas.js";
import { manualClock } from "./test-support/manual-clock.js";

// /batches lifecycle (pending -> preprocessing -> started -> finalizing -> finished) and the e-commerce rules of
// mailchimp-api.md: a store's list is fixed, products must exist before orders, orders have no PUT.

let api: TestApi;
let spec: SpecValidator;
let listId: string;
// /batches run on a clock the test moves: each look sees exactly how far the jobs got, however busy the machine.
const clock = manualClock();

beforeAll(async () => {
  api = await startTestApi({ perRecordMs: 15, batchPhaseMs: 30, batchClock: clock });
  spec = loadSpecValidator();
  listId = await api.newList();
});
afterAll(() => api.emu.close());

describe("/batches", () => {
  it("walks through every documented status, one batch at a time", async () => {
    const ops = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({
      method: "POST", path: `/lists/${listId}/members`, operation_id: `${prefix}-${i}`,
      body: JSON.stringify({ email_address: `${prefix}${i}@acme.io`, status: "subscribed" }),
    }));
    const first = (await api.call("POST", "/batches", { operations: ops(6, "first") })).body;
    const second = (await api.call("POST", "/batches", { operations: ops(2, "second") })).body;
    expect(spec.validate("Batch", first)).toEqual([]);
    expect(first.status).toBe("pending");
    // Look every 10 ms of batch time: the first walks through every status while the second waits its turn.
    const seen: string[] = [];
    let latest = first;
    for (let i = 0; i < 100 && latest.status !== "finished"; i++) {
      await clock.advance(10);
      latest = (await api.call("GET", `/batches/${first.id}`)).body;
      if (seen.at(-1) !== latest.status) seen.push(latest.status);
      const secondStatus = (await api.call("GET", `/batches/${second.id}`)).body.status;
      if (latest.status !== "finished") expect(secondStatus).toBe("pending");
    }
    expect(seen).toEqual(["preprocessing", "started", "finalizing", "finished"]);
    expect(latest).toMatchObject({ status: "finished", finished_operations: 6, errored_operations: 0 });
    expect(latest.completed_at).not.toBe("");
    expect(latest.response_body_url).toMatch(/\.tar\.gz$/);
    const history = (await api.control("GET", `/batches/${first.id}`)).body.status_history;
    expect(history).toEqual(["pending", "preprocessing", "started", "finalizing", "finished"]);
    expect(spec.validate("Batch_Operations", (await api.call("GET", "/batches")).body)).toEqual([]);
  });
  it("refuses an operation without method or path", async () => {
    const res = await api.call("POST", "/batches", { operations: [{ path: "/ping" }] });
    expect(res.status).toBe(400);
  });
});

describe("e-commerce", () => {
  const store = "store-1";
  it("binds a store to its list forever", async () => {
    const created = await api.call("POST", "/ecommerce/stores", { id: store, list_id: listId, name: "Shop", currency_code: "EUR", is_syncing: true });
    expect(created.status).toBe(200);
    expect(spec.validate("E_commerce_Store", created.body)).toEqual([]);
    const other = await api.newList("Other");
    const moved = await api.call("PATCH", `/ecommerce/stores/${store}`, { list_id: other });
    expect(moved.status).toBe(400);
    expect((await api.call("PATCH", `/ecommerce/stores/${store}`, { is_syncing: false })).body.is_syncing).toBe(false);
    expect((await api.call("POST", "/ecommerce/stores", { id: "s2", name: "No list", currency_code: "EUR" })).status).toBe(400);
  });
  it("creates a transactional member for a customer that did not opt in, and never overrides a status", async () => {
    const res = await api.call("PUT", `/ecommerce/stores/${store}/customers/c1`, { id: "c1", email_address: "kim@acme.io", opt_in_status: false });
    expect(spec.validate("E_commerce_Customer", res.body)).toEqual([]);
    expect((await api.call("GET", `/lists/${listId}/members/${md5("kim@acme.io")}`)).body.status).toBe("transactional");
    await api.call("PATCH", `/lists/${listId}/members/${md5("kim@acme.io")}`, { status: "unsubscribed" });
    await api.call("PUT", `/ecommerce/stores/${store}/customers/c1`, { id: "c1", email_address: "kim@acme.io", opt_in_status: true });
    expect((await api.call("GET", `/lists/${listId}/members/${md5("kim@acme.io")}`)).body.status).toBe("unsubscribed");
    const long = "x".repeat(51);
    expect((await api.call("PUT", `/ecommerce/stores/${store}/customers/${long}`, { id: long, email_address: "lee@acme.io", opt_in_status: false })).status).toBe(400);
  });
  it("requires products and variants to exist before an order refers to them", async () => {
    const order = (id: string, product: string, variant: string) => ({ id, customer: { id: "c2", email_address: "max@acme.io", opt_in_status: false },
      currency_code: "EUR", order_total: 20, financial_status: "paid", lines: [{ id: "l1", product_id: product, product_variant_id: variant, quantity: 1, price: 20 }] });
    const missing = await api.call("POST", `/ecommerce/stores/${store}/orders`, order("o1", "p1", "v1"));
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toBe("A product with the provided ID does not exist in the account for this list.");
    expect((await api.call("POST", `/ecommerce/stores/${store}/products`, { id: "p0", title: "No variants", variants: [] })).status).toBe(400);
    const product = await api.call("POST", `/ecommerce/stores/${store}/products`, { id: "p1", title: "Mug", variants: [{ id: "v1", title: "Blue", price: 20 }] });
    expect(spec.validate("E_commerce_Product", product.body)).toEqual([]);
    expect((await api.call("POST", `/ecommerce/stores/${store}/orders`, order("o1", "p1", "v9"))).status).toBe(400);
    const created = await api.call("POST", `/ecommerce/stores/${store}/orders`, order("o1", "p1", "v1"));
    expect(created.status).toBe(200);
    expect(spec.validate("E_commerce_Order", created.body)).toEqual([]);
    expect(created.body.customer).toMatchObject({ id: "c2", orders_count: 1, total_spent: 20 });
    const refunded = await api.call("PATCH", `/ecommerce/stores/${store}/orders/o1`, { financial_status: "refunded", order_total: 0 });
    expect(refunded.body.financial_status).toBe("refunded");
  });
  it("merges an order's lines on PATCH: only DELETE removes one, and never the last", async () => {
    const base = `/ecommerce/stores/${store}/orders/o1`;
    const patched = await api.call("PATCH", base, { lines: [{ id: "l2", product_id: "p1", product_variant_id: "v1", quantity: 2, price: 20 }, { id: "l1", quantity: 3 }] });
    expect(patched.status).toBe(200);
    expect(spec.validate("E_commerce_Order", patched.body)).toEqual([]);
    expect(patched.body.lines.map((l: { id: string; quantity: number }) => [l.id, l.quantity])).toEqual([["l1", 3], ["l2", 2]]);
    // A PATCH that names one line keeps the other.
    expect((await api.call("PATCH", base, { lines: [{ id: "l2", quantity: 1 }] })).body.lines.map((l: { id: string }) => l.id)).toEqual(["l1", "l2"]);
    expect((await api.call("DELETE", `${base}/lines/l1`)).status).toBe(204);
    expect((await api.call("GET", base)).body.lines.map((l: { id: string }) => l.id)).toEqual(["l2"]);
    const last = await api.call("DELETE", `${base}/lines/l2`);
    expect(last.status).toBe(400);
    expect(last.body.detail).toBe("In order to delete this line item, delete the parent resource.");
    expect((await api.call("DELETE", `${base}/lines/l1`)).status).toBe(404);
  });
  it("has no PUT on orders: 405 with Allow", async () => {
    const res = await api.call("PUT", `/ecommerce/stores/${store}/orders/o1`, { id: "o1" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["DELETE", "GET", "PATCH"]);
  });
  it("refuses an order without lines and answers 404 for what does not exist", async () => {
    const empty = await api.call("POST", `/ecommerce/stores/${store}/orders`, { id: "o-empty", customer: { id: "c2" }, currency_code: "EUR", order_total: 0, lines: [] });
    expect(empty.status).toBe(400);
    expect((await api.call("GET", "/ecommerce/stores/nope")).status).toBe(404);
    expect((await api.call("PATCH", `/ecommerce/stores/${store}/orders/nope`, { financial_status: "paid" })).status).toBe(404);
    expect((await api.call("GET", `/ecommerce/stores/${store}/products/nope`)).status).toBe(404);
  });
  it("logs the notifications an order write would send, and none while the store is syncing", async () => {
    const log = async () => (await api.control("GET", "/ecommerce/notifications")).body.notifications as Array<{ store_id: string; order_id: string; kind: string }>;
    const quiet = "store-quiet";
    await api.call("POST", "/ecommerce/stores", { id: quiet, list_id: listId, name: "Quiet", currency_code: "EUR", is_syncing: true });
    await api.call("POST", `/ecommerce/stores/${quiet}/products`, { id: "p1", title: "Mug", variants: [{ id: "v1", title: "Blue", price: 20 }] });
    const order = { id: "q1", customer: { id: "c3", email_address: "joy@acme.io", opt_in_status: false }, currency_code: "EUR", order_total: 20,
      financial_status: "paid", lines: [{ id: "l1", product_id: "p1", product_variant_id: "v1", quantity: 1, price: 20 }] };
    expect((await api.call("POST", `/ecommerce/stores/${quiet}/orders`, order)).status).toBe(200);
    await api.call("PATCH", `/ecommerce/stores/${quiet}/orders/q1`, { financial_status: "refunded", order_total: 0 });
    expect((await log()).filter((n) => n.store_id === quiet)).toEqual([]);
    await api.call("PATCH", `/ecommerce/stores/${quiet}`, { is_syncing: false });
    await api.call("POST", `/ecommerce/stores/${quiet}/orders`, { ...order, id: "q2" });
    await api.call("PATCH", `/ecommerce/stores/${quiet}/orders/q2`, { financial_status: "cancelled", cancelled_at_foreign: "2026-11-01T00:00:00+00:00" });
    await api.call("PATCH", `/ecommerce/stores/${quiet}/orders/q2`, { order_total: 20 });
    expect((await log()).filter((n) => n.store_id === quiet).map((n) => `${n.order_id}:${n.kind}`))
      .toEqual(["q2:purchase_automation", "q2:order_invoice", "q2:cancellation_confirmation"]);
  });
});

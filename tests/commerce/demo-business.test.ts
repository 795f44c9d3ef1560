import { afterAll, expect, it } from "vitest";
import { put } from "@/emulators/odoo/data/put";
import { parseOrderId, parseStoreId } from "@/lib/commerce/ids";
import { STORE_GONE } from "@/lib/commerce/run-commerce";
import { buildDemoPolicy, getActivePolicy, savePolicy } from "@/lib/sync/policy";
import { useTestDatabase } from "@/tests/helpers/db";
import { startDemoBusiness } from "@/tests/helpers/demo-business";
import { odooBooksByCurrency } from "@/tests/helpers/odoo-books";
import { handlePassJob } from "@/lib/reconcile/run/pass-job";
import { requestRepair } from "@/lib/reconcile/repair/request-repair";
import { createUser } from "@/lib/auth/users";
import { repairFromConsole } from "@/lib/console/reconcile/console-actions";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { handlePlanJob } from "@/lib/sync/run/plan-job";
import { FAST_RETRY, quietLog, recordingQueue, syncInProcess } from "@/tests/sync/run/helpers";

/**
 * The demo's generated business (what `npm run demo` serves: 300 partners, three companies, USD and EUR, orders
 * with sections, notes and discounts, partial and full credit notes) synced with e-commerce on, as the demo does.
 */
const db = await useTestDatabase();
const demo = await startDemoBusiness(db);
const { mc, odoo, rt } = demo;
const { sf_b2b, sf_b2c, chicago, brussels } = demo.audiences;
afterAll(() => demo.close());

const sync = (mode: "full" | "incremental") => syncInProcess(db.prisma, rt.runtime, mode);
const writesByRoute = async () => {
  const s = (await (await fetch(`${mc.baseUrl}/_emulator/stats`)).json()) as { requests: Record<string, number> };
  return Object.fromEntries(Object.entries(s.requests).filter(([k]) => !k.startsWith("GET")));
};
const writes = async () => Object.values(await writesByRoute()).reduce((n, v) => n + v, 0);

it("syncs the demo business's orders and credit notes in both currencies, silently, and then writes nothing", async () => {
  await savePolicy(db.prisma, { ...buildDemoPolicy({ sf_b2b, sf_b2c, chicago, brussels }), commerce: { enabled: true } });
  const run = await sync("full");
  expect(run.status).toBe("succeeded");
  const commerce = (run.summary as { commerce: Record<string, number> }).commerce;
  expect(commerce).toMatchObject({ failed: 0 });
  expect(await db.prisma.syncException.count({ where: { kind: "commerce_rejected" } })).toBe(0);
  const stores = [...mc.state.account.stores.values()];
  expect(new Set(stores.map((s) => s.fields.currency_code))).toEqual(new Set(["USD", "EUR"]));
  for (const store of stores) {
    const parts = parseStoreId(store.id)!;
    expect(store.list_id).toBe(parts.listId);
    // Brussels (company 3) sells in EUR into its own audience; the others in USD.
    expect(parts.currency).toBe(parts.companyId === 3 ? "EUR" : "USD");
    expect(store.fields.is_syncing).toBe(false);
  }
  const orders = stores.flatMap((s) => [...s.orders.values()]);
  expect(orders.length).toBe(commerce.ordersCreated);
  expect(orders.length).toBeGreaterThan(50);
  expect(orders.some((o) => o.financial_status === "refunded")).toBe(true);
  // Every order Mailchimp has is a confirmed Odoo order of the store's company and currency.
  const ids = orders.map((o) => parseOrderId(String(o.id))!);
  const odooOrders = new Map((await odoo.read("sale.order", ids, ["state", "company_id", "currency_id"])).map((o) => [o.id, o]));
  for (const store of stores) {
    const parts = parseStoreId(store.id)!;
    for (const o of store.orders.values()) {
      const so = odooOrders.get(parseOrderId(String(o.id))!)!;
      expect(["sale", "done"]).toContain(so.state);
      expect((so.company_id as [number, string])[0]).toBe(parts.companyId);
      expect((so.currency_id as [number, string])[1]).toBe(parts.currency);
    }
  }
  expect(mc.state.account.notifications).toEqual([]);
  // Members carry the product categories they bought, by Odoo's complete name, at every depth of the tree.
  const members = [...mc.state.account.lists.values()].flatMap((l) => [...l.members.values()]);
  const categoryTags = new Set(members.flatMap((m) => [...m.tags.keys()].filter((t) => t.startsWith("odoo:category-"))));
  expect([...categoryTags].sort()).toEqual(["odoo:category-all/saleable/office-furniture", "odoo:category-all/saleable/office-furniture/desks",
    "odoo:category-all/saleable/office-supplies", "odoo:category-all/saleable/services"]);
  const before = await writes();
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(await writes()).toBe(before);
});

const readBack = async () => {
  const pass = await db.prisma.reconcilePass.create({ data: { trigger: "test" } });
  await handlePassJob({ prisma: db.prisma, odoo, mailchimp: rt.runtime.mailchimp, retry: FAST_RETRY, log: quietLog }, { passId: pass.id });
  expect((await db.prisma.reconcilePass.findUniqueOrThrow({ where: { id: pass.id } })).status).toBe("succeeded");
  return pass;
};
const orderGaps = async (passId: string) =>
  (await db.prisma.reconcileGap.findMany({ where: { passId, kind: { startsWith: "order_" } } })).map((g) => `${g.kind} ${g.subject}`).sort();
const mcApi = async (method: string, path: string, body?: object) => {
  const res = await fetch(`${mc.url}${path}`, { method, headers: { authorization: `Basic ${Buffer.from(`any:${mc.apiKey}`).toString("base64")}`, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};
/** What the worker does for a queued run: plan it, then each batch it dispatches (the commerce step among them). */
const drive = async (queue: ReturnType<typeof recordingQueue>, runId: string) => {
  rt.runtime.queue = queue;
  await handlePlanJob(rt.runtime, { runId });
  for (let i = 0; i < queue.batches.length; i++) await handleBatchJob(rt.runtime, queue.batches[i]!);
  return db.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
};

it("reads back to the cent: after the sync, Revenue shows no difference and no order gap in either currency", async () => {
  // The commerce sync writes what lib/commerce/README.md promises; the read-back compares it with Odoo's books.
  const pass = await readBack();
  const rows = await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } });
  expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(["USD", "EUR"]));
  expect(rows.filter((r) => r.differenceCents !== 0n).map((r) => `${r.month.toISOString().slice(0, 7)} ${r.companyId} ${r.currency}: ${r.differenceCents}`)).toEqual([]);
  expect(rows.reduce((n, r) => n + r.mailchimpNetCents, 0n)).toBeGreaterThan(0n);
  expect(await db.prisma.reconcileGap.count({ where: { passId: pass.id, kind: { startsWith: "order_" } } })).toBe(0);
  // Odoo's side is Odoo's books, counted from Odoo itself and not through lib/reconcile.
  const sum = (pick: (r: (typeof rows)[number]) => bigint) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.currency]: (acc[r.currency] ?? 0) + Number(pick(r)) }), {});
  const books = await odooBooksByCurrency(odoo);
  expect(Object.keys(books.net).sort()).toEqual(["EUR", "USD"]);
  expect(sum((r) => r.odooGrossCents - r.odooCancellationsCents)).toEqual(books.confirmed);
  expect(sum((r) => r.odooRefundsCents)).toEqual(books.refunds);
  expect(sum((r) => r.odooNetCents)).toEqual(books.net);
});

it("repairs order gaps made behind the engine's back: re-sends Odoo's orders, deletes an extra one, silently", async () => {
  const stores = [...mc.state.account.stores.values()];
  const orders = stores.flatMap((s) => [...s.orders.values()].map((o) => ({ store: s.id, o })));
  const open = orders.filter(({ o }) => o.financial_status === "paid");
  const [deleted, edited] = [open[0]!, open[1]!];
  const refunded = orders.find(({ o }) => o.financial_status === "refunded")!;
  await mcApi("DELETE", `/ecommerce/stores/${deleted.store}/orders/${deleted.o.id}`);
  await mcApi("PATCH", `/ecommerce/stores/${edited.store}/orders/${edited.o.id}`, { order_total: 1 });
  await mcApi("PATCH", `/ecommerce/stores/${refunded.store}/orders/${refunded.o.id}`, { financial_status: "paid" });
  const model = (await mcApi("GET", `/ecommerce/stores/${edited.store}/orders/${edited.o.id}`)) as unknown as { customer: { id: string; email_address: string }; currency_code: string; lines: Array<{ product_id: string; product_variant_id: string }> };
  const line = model.lines[0]!;
  await mcApi("POST", `/ecommerce/stores/${edited.store}/orders`, {
    id: "so-999999", customer: { id: model.customer.id, email_address: model.customer.email_address, opt_in_status: false }, currency_code: model.currency_code,
    order_total: 12.5, processed_at_foreign: "2025-05-03T10:00:00+00:00",
    lines: [{ id: "sol-999999", product_id: line.product_id, product_variant_id: line.product_variant_id, quantity: 1, price: 12.5 }],
  });
  // Those edits were someone else's, made with the stores live: what Mailchimp sent for them is not ours.
  const theirs = mc.state.account.notifications.length;
  let pass = await readBack();
  expect(await orderGaps(pass.id)).toEqual([
    `order_extra so-999999`, `order_missing ${deleted.o.id}`, `order_status ${refunded.o.id}`, `order_total ${edited.o.id}`,
  ].sort());
  // The commerce sync alone cannot see these: nothing changed in Odoo, so its remembered hashes still match.
  const quiet = await writes();
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(await writes()).toBe(quiet);

  // One order by its id, then every remaining gap of each kind: each repair is a run with only an e-commerce step.
  // The first as ops does it from the page: audited, under the run it started.
  const queue = recordingQueue();
  const ops = await createUser(db.prisma, { email: "ops@bridgeline.test", name: "Ops", role: "ops" });
  const one = await repairFromConsole({ kind: "order_total", subject: String(edited.o.id) }, ops, { prisma: db.prisma, queue: async () => queue });
  expect(one).toMatchObject({ route: "commerce", records: 1 });
  const runId = queue.plans.at(-1)!;
  expect(await db.prisma.auditEvent.findMany({ where: { action: "reconcile.repair" }, select: { actorId: true, target: true, detail: true } })).toEqual([
    { actorId: ops.id, target: `run:${runId}`, detail: { kind: "order_total", route: "commerce", order: String(edited.o.id) } },
  ]);
  const run = await drive(queue, runId);
  expect(run).toMatchObject({ trigger: "repair", requestedById: ops.id });
  expect(run.status).toBe("succeeded");
  expect(run.plannedNew + run.plannedUpdate).toBe(0);
  expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ ordersUpdated: 1, ordersCreated: 0, ordersDeleted: 0, failed: 0 });
  for (const kind of ["order_missing", "order_status", "order_extra"] as const) {
    const r = await requestRepair(db.prisma, { kind }, queue);
    expect(r).toMatchObject({ route: "commerce", records: 1 });
    expect((await drive(queue, queue.plans.at(-1)!)).status).toBe("succeeded");
  }
  expect(stores.find((s) => s.id === edited.store)!.orders.has("so-999999")).toBe(false);
  expect(stores.find((s) => s.id === deleted.store)!.orders.get(String(deleted.o.id))?.order_total).toBe(deleted.o.order_total);
  expect(mc.state.account.notifications.slice(theirs)).toEqual([]);
  expect(stores.every((s) => s.fields.is_syncing === false)).toBe(true);
  pass = await readBack();
  expect(await orderGaps(pass.id)).toEqual([]);
  const rows = await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } });
  expect(rows.filter((r) => r.differenceCents !== 0n)).toEqual([]);
  // And the hashes stay right: the next sync writes nothing.
  const after = await writes();
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(await writes()).toBe(after);
});

it("keeps the orders of a buyer who opted out: neither extra in Mailchimp nor a difference in Revenue", async () => {
  // A B2C buyer (their orders are theirs, not a company's) whose opt-out reached Odoo's blacklist: no audience takes them now.
  const b2c = [...mc.state.account.stores.values()].find((s) => s.list_id === sf_b2c && s.orders.size > 0)!;
  const order = [...b2c.orders.values()][0]!;
  const email = (b2c.customers.get(String(order.customer_id)) as unknown as { email_address: string }).email_address;
  await odoo.create("mail.blacklist", [{ email }]);
  const held = b2c.orders.size;
  // The commerce sync's next run leaves their orders where they are.
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(b2c.orders.size).toBe(held);
  // The member: the same incremental run saw the departure (the blacklist) and took its managed tags off; never
  // unsubscribed or deleted, so the read-back finds it as expected.
  const member = [...mc.state.account.lists.get(sf_b2c)!.members.values()].find((m) => m.email_address === email);
  expect(member?.status).not.toBe("unsubscribed");
  expect([...member!.tags.values()].filter((t) => t.name.startsWith("odoo:"))).toEqual([]);
  const pass = await readBack();
  expect((await db.prisma.reconcileGap.findMany({ where: { passId: pass.id, email } })).map((g) => g.kind)).toEqual([]);
  expect(await orderGaps(pass.id)).toEqual([]);
  const rows = await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } });
  expect(rows.filter((r) => r.differenceCents !== 0n)).toEqual([]);
  // Still Odoo's books: the orders count in its net, and as meant for Mailchimp, which holds them.
  const books = await odooBooksByCurrency(odoo);
  expect(rows.filter((r) => r.currency === "USD").reduce((n, r) => n + Number(r.odooNetCents), 0)).toBe(books.net.USD);
});

/** Customers of buyers who left every audience in these tests. */
const departed = new Set<string>();

/** A store customer opts out: the address goes on Odoo's blacklist and the next incremental run sees it. */
async function optOut(store: { customers: Map<string, unknown> }, customerId: string): Promise<string> {
  const email = (store.customers.get(customerId) as { email_address: string }).email_address;
  departed.add(customerId);
  await odoo.create("mail.blacklist", [{ email }]);
  expect((await sync("incremental")).status).toBe("succeeded");
  return email;
}

/** The Odoo emulator's raw sale.order row of a Mailchimp order id (cents, epoch seconds), to change behind the engine. */
const saleOrderRow = (orderId: string) => demo.odooEmu.store.get("sale.order", parseOrderId(orderId)!)! as unknown as Record<string, number | string>;

/** Odoo posts a credit note of `cents` against the sale order, written at `now` (epoch seconds). */
function postCreditNote(so: Record<string, number | string>, cents: number, date: string, now: number): void {
  put(demo.odooEmu.store, "account.move", { move_type: "out_refund", state: "posted", partner_id: so.partner_id!, commercial_partner_id: so.partner_id!,
    date, invoice_origin: so.name!, company_id: so.company_id!, currency_id: so.currency_id!,
    amount_untaxed: cents, amount_tax: 0, amount_total: cents, create_date: now, write_date: now });
}

it("keeps a departed buyer's orders money-true: a credit note and a cancellation in Odoo reach their orders, never their member", async () => {
  // Another B2C buyer with two open orders opts out; the opt-out reaches Odoo's blacklist and the next run sees it.
  const b2c = [...mc.state.account.stores.values()].find((s) => s.list_id === sf_b2c && s.orders.size > 0)!;
  const byCustomer = new Map<string, Array<Record<string, unknown>>>();
  for (const o of b2c.orders.values()) if (o.financial_status === "paid") byCustomer.set(String(o.customer_id), [...(byCustomer.get(String(o.customer_id)) ?? []), o]);
  const [customerId, [refunded, cancelled]] = [...byCustomer.entries()].find(([, os]) => os.length >= 2)! as [string, [Record<string, unknown>, Record<string, unknown>]];
  const email = await optOut(b2c, customerId);
  const members = mc.state.account.lists.get(sf_b2c)!.members;
  const member = [...members.values()].find((m) => m.email_address === email)!;
  const memberBefore = JSON.stringify(member);
  const customerBefore = JSON.stringify(b2c.customers.get(customerId));

  // Then Odoo credits part of one of their orders and cancels another (raw rows: cents, epoch seconds).
  const now = Math.floor(Date.now() / 1000) + 5;
  const totalCents = Math.round(Number(refunded.order_total) * 100);
  const refundCents = Math.round(totalCents / 2);
  postCreditNote(saleOrderRow(String(refunded.id)), refundCents, "2025-11-01", now);
  Object.assign(saleOrderRow(String(cancelled.id)), { state: "cancel", write_date: now });
  const before = await writesByRoute();
  const noticed = mc.state.account.notifications.length;
  const run = await sync("incremental");
  expect(run.status).toBe("succeeded");
  expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ ordersUpdated: 2, ordersCreated: 0, failed: 0 });
  // Two order PATCHes in a silent store, and nothing written to the member, its customer or the audience.
  const after = await writesByRoute();
  expect(Object.fromEntries(Object.entries(after).filter(([k, n]) => n !== (before[k] ?? 0)).map(([k, n]) => [k, n - (before[k] ?? 0)]))).toEqual({
    "PATCH /ecommerce/stores/{store_id}/orders/{order_id}": 2, "PATCH /ecommerce/stores/{store_id}": 2 });
  const expectedTotal = (totalCents - refundCents) / 100;
  expect(b2c.orders.get(String(refunded.id))).toMatchObject({ order_total: expectedTotal, financial_status: "paid", customer_id: customerId });
  expect(b2c.orders.get(String(cancelled.id))).toMatchObject({ financial_status: "cancelled", customer_id: customerId });
  expect(b2c.orders.get(String(cancelled.id))!.cancelled_at_foreign).toBeTruthy();
  expect(JSON.stringify([...members.values()].find((m) => m.email_address === email))).toBe(memberBefore);
  expect(JSON.stringify(b2c.customers.get(customerId))).toBe(customerBefore);
  expect(mc.state.account.notifications.slice(noticed)).toEqual([]);

  // The read-back finds no order gap, and Revenue's Odoo and Mailchimp columns agree to the cent.
  const pass = await readBack();
  expect(await orderGaps(pass.id)).toEqual([]);
  const rows = await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } });
  expect(rows.filter((r) => r.differenceCents !== 0n)).toEqual([]);
  const books = await odooBooksByCurrency(odoo);
  expect(rows.filter((r) => r.currency === "USD").reduce((n, r) => n + Number(r.odooNetCents), 0)).toBe(books.net.USD);
  // And it stays put: the next run writes nothing.
  const quiet = await writes();
  expect((await sync("incremental")).status).toBe("succeeded");
  expect(await writes()).toBe(quiet);
});

it("repairs a total gap on a departed buyer's order with an update of that order alone, never touching the member", async () => {
  // The order a departed buyer's credit note lowered (the previous test), set back behind the engine's back.
  const kept = (await db.prisma.commerceRecord.findMany({ where: { kind: "order" } })).map((r) => ({ r, o: mc.state.account.stores.get(r.storeId)?.orders.get(r.recordId) }))
    .find(({ o }) => o && o.financial_status === "paid" && Number(o.order_total) > 1 && departed.has(String(o.customer_id)))!;
  const { storeId } = kept.r;
  const order = kept.o!;
  const total = Number(order.order_total);
  const store = mc.state.account.stores.get(storeId)!;
  const customer = JSON.stringify(store.customers.get(String(order.customer_id)));
  const members = JSON.stringify([...mc.state.account.lists.get(store.list_id)!.members.values()]);
  await mcApi("PATCH", `/ecommerce/stores/${storeId}/orders/${String(order.id)}`, { order_total: 1 });
  let pass = await readBack();
  expect(await orderGaps(pass.id)).toEqual([`order_total ${String(order.id)}`]);

  const queue = recordingQueue();
  expect(await requestRepair(db.prisma, { kind: "order_total", subject: String(order.id) }, queue)).toMatchObject({ route: "commerce", records: 1 });
  const run = await drive(queue, queue.plans.at(-1)!);
  expect(run.status).toBe("succeeded");
  expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ ordersUpdated: 1, ordersCreated: 0, failed: 0 });
  expect(store.orders.get(String(order.id))).toMatchObject({ order_total: total, customer_id: order.customer_id });
  expect(JSON.stringify(store.customers.get(String(order.customer_id)))).toBe(customer);
  expect(JSON.stringify([...mc.state.account.lists.get(store.list_id)!.members.values()])).toBe(members);
  pass = await readBack();
  expect(await orderGaps(pass.id)).toEqual([]);
  expect((await db.prisma.reconcileRevenue.findMany({ where: { passId: pass.id } })).filter((r) => r.differenceCents !== 0n)).toEqual([]);
});

it("reports a departed buyer's order whose store is gone from Mailchimp, and creates neither the store nor the buyer again", async () => {
  const kept = (await db.prisma.commerceRecord.findMany({ where: { kind: "order" } })).map((r) => ({ r, o: mc.state.account.stores.get(r.storeId)?.orders.get(r.recordId) }))
    .find(({ o }) => o && o.financial_status === "paid" && departed.has(String(o.customer_id)))!;
  const { storeId, recordId } = kept.r;
  const listId = mc.state.account.stores.get(storeId)!.list_id;
  await mcApi("DELETE", `/ecommerce/stores/${storeId}`);
  const members = JSON.stringify([...mc.state.account.lists.get(listId)!.members.values()]);
  // Odoo credits the order again after someone deleted the store.
  const so = saleOrderRow(recordId);
  postCreditNote(so, 100, "2025-11-02", Math.floor(Date.now() / 1000) + 10);
  const run = await sync("incremental");
  expect(run.status).toBe("succeeded");
  expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ ordersUpdated: 0, ordersCreated: 0, storesCreated: 0, failed: 1 });
  expect(mc.state.account.stores.has(storeId)).toBe(false);
  expect(JSON.stringify([...mc.state.account.lists.get(listId)!.members.values()])).toBe(members);
  const exception = await db.prisma.syncException.findFirstOrThrow({ where: { kind: "commerce_rejected", detail: { path: ["recordId"], equals: recordId } } });
  expect(exception).toMatchObject({ status: "open", audienceId: listId });
  expect((exception.detail as { message: string }).message).toBe(`Order ${String(so.name)}: ${STORE_GONE} (store ${storeId}).`);
  expect(exception.email).toBeNull();
  // Its hash is kept: the order is still Bridgeline's to report while Odoo changes it.
  expect(await db.prisma.commerceRecord.count({ where: { storeId, kind: "order", recordId } })).toBe(1);
});

it("with live notifications on, a departed buyer's cancellation goes in a silent window: Mailchimp emails the member whose order was cancelled, never the one who left", async () => {
  // A B2C store where two buyers who are still members have paid orders; one of them opts out (Odoo's blacklist).
  const liveStores = [...mc.state.account.stores.values()].filter((s) => s.list_id === sf_b2c);
  const paidBy = (s: (typeof liveStores)[number]) => {
    const byCustomer = new Map<string, Record<string, unknown>>();
    for (const o of s.orders.values()) if (o.financial_status === "paid" && !departed.has(String(o.customer_id))) byCustomer.set(String(o.customer_id), o);
    return [...byCustomer.entries()];
  };
  const store = liveStores.find((s) => paidBy(s).length >= 2)!;
  const [[leaverId, leaverOrder], [stayerId, stayerOrder]] = paidBy(store) as [[string, Record<string, unknown>], [string, Record<string, unknown>]];
  await optOut(store, leaverId);
  const active = (await getActivePolicy(db.prisma))!.policy;
  await savePolicy(db.prisma, { ...active, commerce: { ...active.commerce, liveNotifications: true } });

  // Odoo cancels one order of each; the next incremental run is live.
  const now = Math.floor(Date.now() / 1000) + 20;
  for (const o of [leaverOrder, stayerOrder]) Object.assign(saleOrderRow(String(o.id)), { state: "cancel", write_date: now });
  const noticed = mc.state.account.notifications.length;
  const rejected = () => db.prisma.syncException.findMany({ where: { kind: "commerce_rejected", status: "open" }, select: { fingerprint: true } });
  const rejectedBefore = await rejected();
  const run = await sync("incremental");
  expect(run.status).toBe("succeeded");
  // (The order of the store the previous test deleted is refused again, as that test expects: nothing else fails.)
  expect((run.summary as { commerce: Record<string, number> }).commerce).toMatchObject({ ordersUpdated: 2 });
  expect(await rejected()).toEqual(rejectedBefore);
  expect(store.orders.get(String(leaverOrder.id))).toMatchObject({ financial_status: "cancelled", customer_id: leaverId });
  expect(store.orders.get(String(stayerOrder.id))).toMatchObject({ financial_status: "cancelled", customer_id: stayerId });
  expect(mc.state.account.notifications.slice(noticed).map((n) => [n.kind, n.customer_id])).toEqual([["cancellation_confirmation", stayerId]]);
  // The window closed: the store is live again, in Mailchimp and in Bridgeline's record of it.
  expect(store.fields.is_syncing).toBe(false);
  expect(await db.prisma.commerceStore.findUniqueOrThrow({ where: { storeId: store.id } })).toMatchObject({ syncing: false });
});

import type { Logger } from "pino";
import { MailchimpError, withRetry, type BatchOperationInput, type MailchimpClient, type OrderInput, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import type { OdooClient } from "@/lib/odoo";
import type { Db } from "@/lib/sync/run/db";
import type { OrderScope } from "@/lib/sync/run/run-scope";
import { buildPlan, planKeptOrders, type CommercePlan, type StorePlan } from "./build-plan";
import { findSentStores } from "./find-sent-stores";
import { orderIdFor, parseStoreId } from "./ids";
import { readCommerceChunks, type CommerceRead } from "./read-odoo";
import { recordWrites } from "./record-writes";
import { findMembersOf } from "./find-members";
import { openStore, sweepSyncing } from "./store-state";
import type { CommerceSettings } from "./types";
import { writeRecords, type WriteItem } from "./write-records";

export interface CommerceStepContext {
  prisma: Db;
  odoo: OdooClient;
  client: MailchimpClient;
  retry: RetryPolicy;
  poll: PollOptions;
  runId: string;
  mode: "full" | "incremental";
  /** Orders and credit notes written since (incremental runs); null reads every order. */
  since: Date | null;
  settings: CommerceSettings;
  shouldStop: () => Promise<boolean>;
  log?: Logger;
  /**
   * An order repair from the Reconciliation page: only these orders are read, re-sent whatever their remembered
   * hashes say (Mailchimp changed behind our back), and the removals deleted; silent whatever the policy says.
   */
  repair?: OrderScope;
  /** Orders read, planned and written at a time (default read-odoo.ts ORDERS_PER_CHUNK). */
  ordersPerChunk?: number;
}

export interface CommerceSummary {
  stores: number;
  storesCreated: number;
  productsWritten: number;
  /** Customers the written orders carried (each order creates or updates its customer). */
  customersWritten: number;
  ordersCreated: number;
  ordersUpdated: number;
  ordersDeleted: number;
  /** Lines of updated orders deleted in Mailchimp because Odoo no longer has them. */
  linesDeleted: number;
  unchanged: number;
  failed: number;
  skippedNoMember: number;
  skippedNoLines: number;
  swept: string[];
}

/**
 * A run's e-commerce step, after its member batches: a chunk of orders at a time (read-odoo.ts), read Odoo, plan
 * the chunk's stores, send what changed (the chunk's products not sent earlier in the step, then its orders: an
 * order never arrives before its products), remember the hashes; and switch is_syncing off again whatever happens
 * (see README.md). Memory holds one chunk, never the business's orders or members.
 */
export async function runCommerceStep(ctx: CommerceStepContext): Promise<CommerceSummary> {
  const summary: CommerceSummary = { stores: 0, storesCreated: 0, productsWritten: 0, customersWritten: 0, ordersCreated: 0, ordersUpdated: 0,
    ordersDeleted: 0, linesDeleted: 0, unchanged: 0, failed: 0, skippedNoMember: 0, skippedNoLines: 0, swept: [] };
  const forced = new Set((ctx.repair?.resend ?? []).map(orderIdFor));
  const existing = new Set((await ctx.prisma.commerceStore.findMany({ select: { storeId: true } })).map((s) => s.storeId));
  const step: StepState = { stores: new Set(), opened: new Set(), products: new Set(), carried: new Set(), stopped: false, kept: [], keptStores: new Map(), present: new Map() };
  try {
    for await (const read of readCommerceChunks(ctx.odoo, ctx.since, ctx.repair?.resend, ctx.ordersPerChunk)) {
      const byPartner = await findMembersOf(ctx.prisma, buyerFamilies(read));
      const plan = buildPlan(read, (id) => byPartner.get(id));
      const sent = await findSentStores(ctx.prisma, plan.unrouted);
      planKeptOrders(plan, read, (orderId) => sent.get(orderId) ?? []);
      summary.skippedNoMember += plan.noMember;
      summary.skippedNoLines += plan.noLines;
      await sendChunk(ctx, summary, step, [...plan.stores.values()], plan.emptied, existing, forced);
      if (step.stopped) break;
    }
    if (!step.stopped && step.kept.length > 0) await sendKeptQuietly(ctx, summary, step);
    const removed = removals(ctx.repair?.remove ?? []);
    if (!step.stopped && removed.length > 0) await sendPhase(ctx, summary, step, removed);
    summary.stores = step.stores.size;
    summary.customersWritten = step.carried.size;
  } finally {
    summary.swept = await sweepSyncing(ctx.prisma, ctx.client, ctx.retry);
  }
  ctx.log?.info({ runId: ctx.runId, ...summary, swept: summary.swept.length }, "commerce step finished");
  return summary;
}

/** What a step remembers across its chunks: small sets (stores, the catalogue's products, customers written). */
interface StepState {
  stores: Set<string>;
  opened: Set<string>;
  /** store|product already planned in this step: a product is sent (or counted unchanged) once per step. */
  products: Set<string>;
  carried: Set<string>;
  stopped: boolean;
  /** A live step's updates of departed buyers' orders, held for the step's end (sendKeptQuietly), and their stores. */
  kept: WriteItem[];
  keptStores: Map<string, StorePlan>;
  /** store id -> whether Mailchimp still has it, asked once per step (goneStores). */
  present: Map<string, boolean>;
}

/** One chunk's stores: open the ones it writes to (once per step), then its products, then its orders. */
async function sendChunk(
  ctx: CommerceStepContext, summary: CommerceSummary, step: StepState, stores: StorePlan[], emptied: CommercePlan["emptied"], existing: Set<string>, forced: Set<string>,
): Promise<void> {
  for (const store of stores) {
    step.stores.add(store.storeId);
    for (const id of [...store.products.keys()]) {
      const k = `${store.storeId}|${id}`;
      if (step.products.has(k)) store.products.delete(id);
      else step.products.add(k);
    }
  }
  const known = await knownHashes(ctx.prisma, stores, emptied);
  const firstPhase: WriteItem[] = [];
  const orders: WriteItem[] = [];
  const writing = new Set<string>();
  for (const store of stores) {
    const before = firstPhase.length + orders.length;
    summary.unchanged += planStore(store, known, firstPhase, orders, forced);
    if (firstPhase.length + orders.length > before) writing.add(store.storeId);
  }
  orders.push(...emptiedOrders(emptied, known));
  const gone = await goneStores(ctx, step, stores.filter((s) => writing.has(s.storeId) && s.orders.some((o) => o.kept)));
  if (gone.size > 0) await refuseInGoneStores(ctx, summary, gone, firstPhase, orders);
  if (isLive(ctx)) holdKept(step, stores, orders);
  for (const store of stores) {
    if (!writing.has(store.storeId) || step.opened.has(store.storeId) || gone.has(store.storeId)) continue;
    const isNew = !existing.has(store.storeId);
    // Historical loads (full runs, new stores) always run silent; live changes too unless the policy enabled them.
    const quiet = !isLive(ctx) || isNew;
    await openStore(ctx.prisma, ctx.client, ctx.retry, store, quiet, !isNew);
    step.opened.add(store.storeId);
    if (isNew) summary.storesCreated += 1;
  }
  for (const items of [firstPhase, orders]) {
    if (items.length === 0) continue;
    await sendPhase(ctx, summary, step, items);
    if (step.stopped) return;
  }
}

/** Whether this step's changes may notify buyers: the policy enabled it, and it is not a full run or a repair. */
const isLive = (ctx: CommerceStepContext) => ctx.settings.liveNotifications && ctx.mode !== "full" && !ctx.repair;

/**
 * A live step holds back its updates of departed buyers' orders (kept orders): a cancellation or a refund there
 * would have Mailchimp email someone who left every audience (an opt-out). They go at the step's end, when every
 * live write is done, in a window where their stores are is_syncing (sendKeptQuietly).
 */
function holdKept(step: StepState, stores: StorePlan[], orders: WriteItem[]): void {
  const kept = new Set(stores.flatMap((s) => s.orders.filter((o) => o.kept).map((o) => `${s.storeId}|${o.id}`)));
  if (kept.size === 0) return;
  const live: WriteItem[] = [];
  for (const item of orders) (item.kind === "order" && kept.has(`${item.storeId}|${item.recordId}`) ? step.kept : live).push(item);
  orders.splice(0, orders.length, ...live);
  for (const s of stores) {
    if (s.orders.some((o) => o.kept) && !step.keptStores.has(s.storeId)) step.keptStores.set(s.storeId, { ...s, products: new Map(), customers: new Map(), orders: [] });
  }
}

/** The held updates of a live step, each store switched to is_syncing first; the step's sweep switches it back. */
async function sendKeptQuietly(ctx: CommerceStepContext, summary: CommerceSummary, step: StepState): Promise<void> {
  const stores = new Set(step.kept.map((i) => i.storeId));
  for (const storeId of stores) await openStore(ctx.prisma, ctx.client, ctx.retry, step.keptStores.get(storeId)!, true, true);
  await sendPhase(ctx, summary, step, step.kept);
}

/** Why nothing is written to a store Mailchimp no longer has (a kept order's, goneStores). */
export const STORE_GONE = "The store that holds this order is gone from Mailchimp. Its buyer has left every audience, so Bridgeline does not create the store and order again (that would add them back as a customer)";

/**
 * The stores a chunk would update a departed buyer's order in, that Mailchimp no longer has (someone deleted the
 * store, and its orders and customers with it): one GET per store and step, only for stores with such an update to send.
 */
async function goneStores(ctx: CommerceStepContext, step: StepState, stores: StorePlan[]): Promise<Set<string>> {
  for (const { storeId } of stores) {
    if (step.present.has(storeId)) continue;
    try {
      await withRetry(() => ctx.client.ecommerce.stores.get(storeId), ctx.retry);
      step.present.set(storeId, true);
    } catch (err) {
      if (!(err instanceof MailchimpError && err.kind === "not_found")) throw err;
      step.present.set(storeId, false);
    }
  }
  return new Set(stores.map((s) => s.storeId).filter((id) => step.present.get(id) === false));
}

/**
 * Every write to a gone store becomes a commerce_rejected exception naming the order and the store (its hash is
 * kept, so it is reported again while Odoo changes it), never a silent skip, and nothing is sent there.
 */
async function refuseInGoneStores(ctx: CommerceStepContext, summary: CommerceSummary, gone: Set<string>, ...phases: WriteItem[][]): Promise<void> {
  const refused = phases.flatMap((items) => items.filter((i) => gone.has(i.storeId)));
  for (const items of phases) items.splice(0, items.length, ...items.filter((i) => !gone.has(i.storeId)));
  await recordWrites(ctx.prisma, ctx.runId, refused.map((item) => ({ item, ok: false, reason: `${STORE_GONE} (store ${item.storeId}).`, retryable: false })));
  summary.failed += refused.length;
}

/** Writes one phase (cancel is checked before each) and counts its outcomes. */
async function sendPhase(ctx: CommerceStepContext, summary: CommerceSummary, step: StepState, items: WriteItem[]): Promise<void> {
  if (await ctx.shouldStop()) {
    step.stopped = true;
    return;
  }
  const outcomes = await writeRecords(ctx, items);
  await recordWrites(ctx.prisma, ctx.runId, outcomes);
  for (const o of outcomes) {
    if (!o.ok) summary.failed += 1;
    else if (o.item.kind === "product") summary.productsWritten += 1;
    else if (o.method === "DELETE") summary.ordersDeleted += 1;
    else {
      if (o.method === "POST") summary.ordersCreated += 1;
      else summary.ordersUpdated += 1;
      summary.linesDeleted += o.linesDeleted ?? 0;
      const customer = (o.item.op.body as { customer?: { id?: string } } | undefined)?.customer?.id;
      if (customer) step.carried.add(`${o.item.storeId}|${customer}`);
    }
  }
}

/** Every partner selectCustomer may look at for the orders read: each buyer, its commercial partner and family. */
function* buyerFamilies(read: CommerceRead): Iterable<number> {
  for (const o of read.orders) yield o.partnerId;
  for (const c of read.commercialOf.values()) yield c;
  for (const family of read.families.values()) yield* family;
}

type Known = Map<string, string>;
const key = (storeId: string, kind: string, id: string) => `${storeId}|${kind}|${id}`;

async function knownHashes(prisma: Db, stores: StorePlan[], emptied: CommercePlan["emptied"]): Promise<Known> {
  const keys = [
    ...stores.flatMap((s) => [...[...s.products.keys()].map((id) => [s.storeId, "product", id]), ...s.orders.map((o) => [s.storeId, "order", o.id])]),
    ...emptied.map((e) => [e.storeId, "order", e.orderId]),
  ];
  const known: Known = new Map();
  for (let i = 0; i < keys.length; i += 10_000) {
    const part = keys.slice(i, i + 10_000);
    const rows = await prisma.$queryRaw<Array<{ store_id: string; kind: string; record_id: string; hash: string }>>`
      SELECT c.store_id, c.kind, c.record_id, c.hash FROM commerce_records c
      JOIN unnest(${part.map((k) => k[0])}::text[], ${part.map((k) => k[1])}::text[], ${part.map((k) => k[2])}::text[]) AS k(store_id, kind, record_id)
        ON c.store_id = k.store_id AND c.kind = k.kind AND c.record_id = k.record_id`;
    for (const r of rows) known.set(key(r.store_id, r.kind, r.record_id), r.hash);
  }
  return known;
}

/** Appends the store's changed records; returns how many were unchanged. */
function planStore(store: StorePlan, known: Known, firstPhase: WriteItem[], orders: WriteItem[], forced: Set<string>): number {
  let unchanged = 0;
  const base = `/ecommerce/stores/${store.storeId}`;
  const common = { storeId: store.storeId, listId: store.listId };
  for (const p of store.products.values()) {
    const was = known.get(key(store.storeId, "product", p.id));
    if (was === p.hash) { unchanged += 1; continue; }
    const update: BatchOperationInput = { method: "PATCH", path: `${base}/products/${p.id}`, body: p.body };
    firstPhase.push({ ...common, kind: "product", recordId: p.id, hash: p.hash, label: p.body.title,
      op: was ? update : { method: "POST", path: `${base}/products`, body: p.body }, asUpdate: update });
  }
  // Customers are not written on their own: every order created carries its customer in full (id, email, never
  // opted in), which creates or updates it; a separate PUT per customer would only double the requests.
  for (const o of store.orders) {
    const was = known.get(key(store.storeId, "order", o.id));
    const force = forced.has(o.id);
    if (was === o.hash && !force) { unchanged += 1; continue; }
    // Cancelled before Mailchimp ever had it: nothing to tell.
    if (!was && o.cancelled) continue;
    // An update never names the customer: the spec's PATCH body (E_commerce_Order_2) takes no customer id or email,
    // an order's customer can never change, and a customer given there would be upserted. So an order whose
    // selected buyer changed since (a B2B contact left) keeps the customer it was created with instead of being
    // refused in every run.
    const { id: _id, ...fields } = o.body;
    const { customer: _customer, ...patch } = fields as Partial<OrderInput>;
    const update: BatchOperationInput = { method: "PATCH", path: `${base}/orders/${o.id}`, body: patch };
    const who = { label: o.name, partnerIds: [o.partnerId], ...(o.email ? { email: o.email } : {}) };
    // A departed buyer's order is only ever updated where it is, repaired or not: a create would need its customer.
    if (o.kept) {
      orders.push({ ...common, ...who, kind: "order", recordId: o.id, hash: o.hash, op: update });
      continue;
    }
    // A repaired order may be gone from Mailchimp or still there with other values: create it, or update it
    // when Mailchimp answers that it exists.
    const create: BatchOperationInput = { method: "POST", path: `${base}/orders`, body: o.body };
    orders.push({ ...common, ...who, kind: "order", recordId: o.id, hash: o.hash, op: was && !force ? update : create, asUpdate: update });
  }
  return unchanged;
}

/** Orders Mailchimp has that lost their last product line in Odoo: deleted (an order cannot be empty there), hash forgotten. */
function emptiedOrders(emptied: CommercePlan["emptied"], known: Known): WriteItem[] {
  return emptied.filter((e) => known.has(key(e.storeId, "order", e.orderId))).map((e) => ({ storeId: e.storeId, listId: e.listId, kind: "order" as const,
    recordId: e.orderId, hash: "", label: e.name, op: { method: "DELETE" as const, path: `/ecommerce/stores/${e.storeId}/orders/${e.orderId}` } }));
}

/** Orders in one of our stores that Odoo does not put there: deleted (Odoo is the master of transactions). */
function removals(remove: OrderScope["remove"]): WriteItem[] {
  return remove.flatMap(({ storeId, orderId }) => {
    const parts = parseStoreId(storeId);
    if (!parts) return [];
    return [{ storeId, listId: parts.listId, kind: "order" as const, recordId: orderId, hash: "", label: orderId,
      op: { method: "DELETE" as const, path: `/ecommerce/stores/${storeId}/orders/${orderId}` } }];
  });
}

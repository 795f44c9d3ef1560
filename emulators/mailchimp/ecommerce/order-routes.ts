import { mailchimpTime } from "../core/time.js";
import type { Json, Store } from "../core/ecommerce-types.js";
import type { Emulator } from "../core/emulator.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { checkLine, lineView } from "./order-lines.js";
import { recordOrderNotifications } from "./notifications.js";
import { findStore } from "./store-routes.js";
import { customerView, upsertCustomer } from "./upsert-customer.js";

// /ecommerce/stores/{store_id}/orders: POST creates, PATCH updates; there is no PUT (405 with Allow). PATCH replaces
// promos (the spec says so) but merges lines: a line named by id is updated, a new id is added, and a line it does
// not name stays (the spec says nothing of replacing lines, and gives a line its own DELETE: order-line-routes.ts).
// financial_status is a free string; the order's customer object upserts the customer. An order without lines is
// refused (the stricter reading of the spec: Mailchimp's own client accepts it but counts it in orders_count).
// Every create and update goes through the notification log (notifications.ts), silent while the store is_syncing.

const ORDER_TYPES = { id: "string", customer: "object", campaign_id: "string", landing_site: "string", financial_status: "string",
  fulfillment_status: "string", currency_code: "string", order_total: "number", order_url: "string", discount_total: "number",
  tax_total: "number", shipping_total: "number", processed_at_foreign: "string", cancelled_at_foreign: "string",
  updated_at_foreign: "string", shipping_address: "object", billing_address: "object", promos: "array", lines: "array" } as const;
const SCALARS = Object.keys(ORDER_TYPES).filter((k) => !["id", "customer", "lines"].includes(k));
// The real service returns documented keys with empty defaults when they were never set.
const DEFAULTS: Json = { campaign_id: "", landing_site: "", financial_status: "", fulfillment_status: "", order_url: "", discount_total: 0,
  tax_total: 0, shipping_total: 0, processed_at_foreign: "", cancelled_at_foreign: "", updated_at_foreign: "",
  shipping_address: {}, billing_address: {}, promos: [] };

export function orderView(emulator: Emulator, store: Store, order: Json): Json {
  const customer = store.customers.get(order.customer_id as string) ?? { id: order.customer_id };
  const view: Json = { id: order.id, customer: customerView(emulator, store, customer), store_id: store.id, ...DEFAULTS };
  for (const key of SCALARS) if (order[key] !== undefined) view[key] = order[key];
  view.lines = (order.lines as Json[]).map((l) => lineView(store, l));
  view._links = [{ rel: "self", href: `${emulator.apiOrigin()}/ecommerce/stores/${store.id}/orders/${String(order.id)}`, method: "GET" }];
  return view;
}

export function findOrder(ctx: RouteContext) {
  const store = findStore(ctx);
  const order = store.orders.get(ctx.params.order_id as string);
  if (!order) throw notFound();
  return { store, order };
}

function upsertOrderCustomer(ctx: RouteContext, store: Store, raw: unknown): string {
  const customer = requireObjectBody(raw);
  requireFields(customer, ["id"], "customer.");
  const id = String(customer.id);
  upsertCustomer(ctx.emulator, store, id, customer, false);
  return id;
}

function postOrder(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["id", "customer", "currency_code", "order_total", "lines"]);
  checkTypes(body, ORDER_TYPES);
  if (store.orders.has(body.id as string)) throw invalidResource([{ field: "id", message: "An order with the provided ID already exists in the account." }]);
  if ((body.lines as unknown[]).length === 0) throw invalidResource([{ field: "lines", message: "An order must have at least one line." }]);
  const lines = (body.lines as unknown[]).map((l, i) => checkLine(store, l, `lines[${i}].`));
  const customerId = upsertOrderCustomer(ctx, store, body.customer);
  const order: Json = { ...body, customer: undefined, customer_id: customerId, lines, created_at: mailchimpTime(ctx.emulator.now()) };
  store.orders.set(body.id as string, order);
  recordOrderNotifications(ctx.emulator, store, null, order);
  return ok(orderView(ctx.emulator, store, order));
}

function patchOrder(ctx: RouteContext): Reply {
  const { store, order } = findOrder(ctx);
  const body = requireObjectBody(ctx.body);
  checkTypes(body, ORDER_TYPES);
  const lines = Array.isArray(body.lines) ? body.lines.map((l, i) => checkLine(store, l, `lines[${i}].`, true)) : [];
  if (body.customer !== undefined) {
    const customer = requireObjectBody(body.customer);
    if (customer.id !== undefined && customer.id !== order.customer_id) {
      throw invalidResource([{ field: "customer.id", message: "The customer of an existing order cannot be changed." }]);
    }
    upsertCustomer(ctx.emulator, store, order.customer_id as string, customer, false);
  }
  const before: Json = { ...order };
  for (const key of SCALARS) if (body[key] !== undefined) order[key] = body[key];
  const existing = order.lines as Json[];
  for (const line of lines) {
    const match = existing.find((l) => l.id === line.id);
    if (match) Object.assign(match, line);
    else existing.push(checkLine(store, line, "lines[]."));
  }
  recordOrderNotifications(ctx.emulator, store, before, order);
  return ok(orderView(ctx.emulator, store, order));
}

function listOrders(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const customerId = ctx.query.get("customer_id");
  const all = [...store.orders.values()].filter((o) => !customerId || o.customer_id === customerId);
  return ok({ store_id: store.id, orders: page(all, parsePaging(ctx.query)).map((o) => orderView(ctx.emulator, store, o)), total_items: all.length,
    _links: [{ rel: "self", href: `${ctx.emulator.apiOrigin()}/ecommerce/stores/${store.id}/orders`, method: "GET" }] });
}

const ONE = "/ecommerce/stores/{store_id}/orders/{order_id}";
export const orderRoutes: Route[] = [
  { method: "GET", template: "/ecommerce/stores/{store_id}/orders", handler: listOrders },
  { method: "POST", template: "/ecommerce/stores/{store_id}/orders", handler: postOrder, records: () => 1 },
  { method: "GET", template: ONE, handler: (ctx) => { const { store, order } = findOrder(ctx); return ok(orderView(ctx.emulator, store, order)); } },
  { method: "PATCH", template: ONE, handler: patchOrder },
  { method: "DELETE", template: ONE, handler: (ctx) => { const { store, order } = findOrder(ctx); store.orders.delete(String(order.id)); return noContent(); } },
];

import { mailchimpTime } from "../core/time.js";
import type { Json, Store } from "../core/ecommerce-types.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";

// /ecommerce/stores: a store is bound to one audience (list_id) for its whole life.

const STORE_TYPES = { id: "string", list_id: "string", name: "string", platform: "string", domain: "string", is_syncing: "boolean",
  email_address: "string", currency_code: "string", money_format: "string", primary_locale: "string", timezone: "string",
  phone: "string", address: "object" } as const;
const EDITABLE = ["name", "platform", "domain", "is_syncing", "email_address", "currency_code", "money_format", "primary_locale", "timezone", "phone", "address"];

export function storeView(store: Store, origin: string): Json {
  return { id: store.id, list_id: store.list_id, name: "", platform: "", domain: "", is_syncing: false, email_address: "",
    currency_code: "", money_format: "", primary_locale: "", timezone: "", phone: "", ...store.fields,
    list_is_active: true, created_at: store.created_at, updated_at: store.updated_at,
    _links: [{ rel: "self", href: `${origin}/ecommerce/stores/${store.id}`, method: "GET" }] };
}

export function findStore(ctx: RouteContext): Store {
  const store = ctx.emulator.account.stores.get(ctx.params.store_id as string);
  if (!store) throw notFound();
  return store;
}

function pick(body: Json): Json {
  return Object.fromEntries(EDITABLE.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

function postStore(ctx: RouteContext): Reply {
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["id", "list_id", "name", "currency_code"]);
  checkTypes(body, STORE_TYPES);
  if (!ctx.emulator.account.lists.has(body.list_id as string)) {
    throw invalidResource([{ field: "list_id", message: "The list_id does not match an audience in this account." }]);
  }
  if (ctx.emulator.account.stores.has(body.id as string)) {
    throw invalidResource([{ field: "id", message: "A store with the provided ID already exists in the account." }]);
  }
  const now = mailchimpTime(ctx.emulator.now());
  const store: Store = { id: body.id as string, list_id: body.list_id as string, fields: pick(body), created_at: now, updated_at: now,
    customers: new Map(), products: new Map(), orders: new Map() };
  ctx.emulator.account.stores.set(store.id, store);
  return ok(storeView(store, ctx.emulator.apiOrigin()));
}

function patchStore(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const body = requireObjectBody(ctx.body);
  checkTypes(body, STORE_TYPES);
  if (body.list_id !== undefined && body.list_id !== store.list_id) {
    throw invalidResource([{ field: "list_id", message: "A store's list_id cannot be changed once the store is created." }]);
  }
  store.fields = { ...store.fields, ...pick(body) };
  store.updated_at = mailchimpTime(ctx.emulator.now());
  return ok(storeView(store, ctx.emulator.apiOrigin()));
}

function listStores(ctx: RouteContext): Reply {
  const all = [...ctx.emulator.account.stores.values()];
  const origin = ctx.emulator.apiOrigin();
  return ok({ stores: page(all, parsePaging(ctx.query)).map((s) => storeView(s, origin)), total_items: all.length,
    _links: [{ rel: "self", href: `${origin}/ecommerce/stores`, method: "GET" }] });
}

const ONE = "/ecommerce/stores/{store_id}";
export const storeRoutes: Route[] = [
  { method: "GET", template: "/ecommerce/stores", handler: listStores },
  { method: "POST", template: "/ecommerce/stores", handler: postStore },
  { method: "GET", template: ONE, handler: (ctx) => ok(storeView(findStore(ctx), ctx.emulator.apiOrigin())) },
  { method: "PATCH", template: ONE, handler: patchStore },
  { method: "DELETE", template: ONE, handler: (ctx) => { ctx.emulator.account.stores.delete(findStore(ctx).id); return noContent(); } },
];

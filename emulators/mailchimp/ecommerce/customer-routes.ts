import { requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { findStore } from "./store-routes.js";
import { customerView, upsertCustomer } from "./upsert-customer.js";

// /ecommerce/stores/{store_id}/customers: PUT is the upsert the engine uses; POST refuses duplicates.

function findCustomer(ctx: RouteContext) {
  const store = findStore(ctx);
  const customer = store.customers.get(ctx.params.customer_id as string);
  if (!customer) throw notFound();
  return { store, customer };
}

function putCustomer(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["id", "email_address", "opt_in_status"]);
  if (body.id !== ctx.params.customer_id) throw invalidResource([{ field: "id", message: "The id in the body must match the customer_id in the URL." }]);
  return ok(customerView(ctx.emulator, store, upsertCustomer(ctx.emulator, store, ctx.params.customer_id as string, body, true)));
}

function postCustomer(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["id", "email_address", "opt_in_status"]);
  if (store.customers.has(String(body.id))) throw invalidResource([{ field: "id", message: "A customer with the provided ID already exists in the account." }]);
  return ok(customerView(ctx.emulator, store, upsertCustomer(ctx.emulator, store, String(body.id), body, true)));
}

function patchCustomer(ctx: RouteContext): Reply {
  const { store } = findCustomer(ctx);
  const body = requireObjectBody(ctx.body);
  return ok(customerView(ctx.emulator, store, upsertCustomer(ctx.emulator, store, ctx.params.customer_id as string, body, false)));
}

function listCustomers(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const email = ctx.query.get("email_address");
  const all = [...store.customers.values()].filter((c) => !email || c.email_address === email);
  return ok({ store_id: store.id, customers: page(all, parsePaging(ctx.query)).map((c) => customerView(ctx.emulator, store, c)), total_items: all.length,
    _links: [{ rel: "self", href: `${ctx.emulator.apiOrigin()}/ecommerce/stores/${store.id}/customers`, method: "GET" }] });
}

const ONE = "/ecommerce/stores/{store_id}/customers/{customer_id}";
export const customerRoutes: Route[] = [
  { method: "GET", template: "/ecommerce/stores/{store_id}/customers", handler: listCustomers },
  { method: "POST", template: "/ecommerce/stores/{store_id}/customers", handler: postCustomer },
  { method: "GET", template: ONE, handler: (ctx) => { const { store, customer } = findCustomer(ctx); return ok(customerView(ctx.emulator, store, customer)); } },
  { method: "PUT", template: ONE, handler: putCustomer },
  { method: "PATCH", template: ONE, handler: patchCustomer },
  { method: "DELETE", template: ONE, handler: (ctx) => { const { store, customer } = findCustomer(ctx); store.customers.delete(String(customer.id)); return noContent(); } },
];

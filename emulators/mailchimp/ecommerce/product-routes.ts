import { mailchimpTime } from "../core/time.js";
import type { Json, Store } from "../core/ecommerce-types.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { findStore } from "./store-routes.js";

// /ecommerce/stores/{store_id}/products: every product carries at least one variant; orders refer to both.

const PRODUCT_TYPES = { id: "string", title: "string", handle: "string", url: "string", description: "string", type: "string",
  vendor: "string", image_url: "string", variants: "array", images: "array", published_at_foreign: "string" } as const;

function checkVariants(variants: unknown[], now: string, previous: Json[] = []): Json[] {
  return variants.map((raw, i) => {
    const v = requireObjectBody(raw);
    requireFields(v, ["id", "title"], `variants[${i}].`);
    checkTypes(v, { id: "string", title: "string", url: "string", sku: "string", price: "number", inventory_quantity: "integer" }, `variants[${i}].`);
    const old = previous.find((p) => p.id === v.id);
    return { ...(old ?? { created_at: now }), ...v, updated_at: now };
  });
}

export function productView(store: Store, p: Json, origin: string): Json {
  return { id: p.id, currency_code: store.fields.currency_code ?? "", title: p.title, handle: p.handle ?? "", url: p.url ?? "",
    description: p.description ?? "", type: p.type ?? "", vendor: p.vendor ?? "", image_url: p.image_url ?? "",
    variants: p.variants, images: p.images ?? [], published_at_foreign: p.published_at_foreign ?? "",
    _links: [{ rel: "self", href: `${origin}/ecommerce/stores/${store.id}/products/${String(p.id)}`, method: "GET" }] };
}

function findProduct(ctx: RouteContext) {
  const store = findStore(ctx);
  const product = store.products.get(ctx.params.product_id as string);
  if (!product) throw notFound();
  return { store, product };
}

function postProduct(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["id", "title", "variants"]);
  checkTypes(body, PRODUCT_TYPES);
  if ((body.variants as unknown[]).length === 0) throw invalidResource([{ field: "variants", message: "A product must have at least one variant." }]);
  if (store.products.has(body.id as string)) throw invalidResource([{ field: "id", message: "A product with the provided ID already exists in the account." }]);
  const now = mailchimpTime(ctx.emulator.now());
  const product: Json = { ...body, variants: checkVariants(body.variants as unknown[], now) };
  store.products.set(body.id as string, product);
  return ok(productView(store, product, ctx.emulator.apiOrigin()));
}

function patchProduct(ctx: RouteContext): Reply {
  const { store, product } = findProduct(ctx);
  const body = requireObjectBody(ctx.body);
  checkTypes(body, PRODUCT_TYPES);
  const now = mailchimpTime(ctx.emulator.now());
  const { id: _ignored, variants, ...rest } = body;
  Object.assign(product, rest);
  if (Array.isArray(variants)) {
    const previous = product.variants as Json[];
    const updated = checkVariants(variants, now, previous);
    product.variants = [...previous.filter((p) => !updated.some((u) => u.id === p.id)), ...updated];
  }
  return ok(productView(store, product, ctx.emulator.apiOrigin()));
}

function listProducts(ctx: RouteContext): Reply {
  const store = findStore(ctx);
  const all = [...store.products.values()];
  const origin = ctx.emulator.apiOrigin();
  return ok({ store_id: store.id, products: page(all, parsePaging(ctx.query)).map((p) => productView(store, p, origin)), total_items: all.length,
    _links: [{ rel: "self", href: `${origin}/ecommerce/stores/${store.id}/products`, method: "GET" }] });
}

const ONE = "/ecommerce/stores/{store_id}/products/{product_id}";
export const productRoutes: Route[] = [
  { method: "GET", template: "/ecommerce/stores/{store_id}/products", handler: listProducts },
  { method: "POST", template: "/ecommerce/stores/{store_id}/products", handler: postProduct },
  { method: "GET", template: ONE, handler: (ctx) => { const { store, product } = findProduct(ctx); return ok(productView(store, product, ctx.emulator.apiOrigin())); } },
  { method: "PATCH", template: ONE, handler: patchProduct },
  { method: "DELETE", template: ONE, handler: (ctx) => { const { store, product } = findProduct(ctx); store.products.delete(String(product.id)); return noContent(); } },
];

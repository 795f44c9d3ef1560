import type { Json } from "../core/ecommerce-types.js";
import { requireObjectBody } from "../http/body-checks.js";
import { ApiProblem, invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { checkLine, lineView } from "./order-lines.js";
import { findOrder } from "./order-routes.js";

// /ecommerce/stores/{store_id}/orders/{order_id}/lines: one order's lines, same product checks as orders.
// A PATCH of the order merges the lines it names by id and keeps the others (order-routes.ts), so DELETE here is how a
// line leaves an order. The last line cannot go: Mailchimp answers "In order to delete this line item, delete the
// parent resource." (reported for carts, mailchimp/APIv3-examples#48; an order without lines is refused on create).

function findLine(ctx: RouteContext) {
  const { store, order } = findOrder(ctx);
  const line = (order.lines as Json[]).find((l) => l.id === ctx.params.line_id);
  if (!line) throw notFound();
  return { store, order, line };
}

function postLine(ctx: RouteContext): Reply {
  const { store, order } = findOrder(ctx);
  const line = checkLine(store, ctx.body, "");
  const lines = order.lines as Json[];
  if (lines.some((l) => l.id === line.id)) throw invalidResource([{ field: "id", message: "A line with the provided ID already exists on this order." }]);
  lines.push(line);
  return ok(lineView(store, line));
}

function patchLine(ctx: RouteContext): Reply {
  const { store, line } = findLine(ctx);
  const changes = checkLine(store, requireObjectBody(ctx.body), "", true);
  const { id: _ignored, ...rest } = changes;
  Object.assign(line, rest);
  return ok(lineView(store, line));
}

function deleteLine(ctx: RouteContext): Reply {
  const { order, line } = findLine(ctx);
  const lines = order.lines as Json[];
  if (lines.length === 1) throw new ApiProblem(400, "Invalid Resource", "In order to delete this line item, delete the parent resource.");
  order.lines = lines.filter((l) => l !== line);
  return noContent();
}

function listLines(ctx: RouteContext): Reply {
  const { store, order } = findOrder(ctx);
  const all = order.lines as Json[];
  return ok({ store_id: store.id, order_id: order.id, lines: page(all, parsePaging(ctx.query)).map((l) => lineView(store, l)), total_items: all.length });
}

const ONE = "/ecommerce/stores/{store_id}/orders/{order_id}/lines/{line_id}";
export const orderLineRoutes: Route[] = [
  { method: "GET", template: "/ecommerce/stores/{store_id}/orders/{order_id}/lines", handler: listLines },
  { method: "POST", template: "/ecommerce/stores/{store_id}/orders/{order_id}/lines", handler: postLine },
  { method: "GET", template: ONE, handler: (ctx) => { const { store, line } = findLine(ctx); return ok(lineView(store, line)); } },
  { method: "PATCH", template: ONE, handler: patchLine },
  { method: "DELETE", template: ONE, handler: deleteLine },
];

import { page, parsePaging } from "../http/paging.js";
import { invalidResource } from "../http/problem.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { batchSubscribeRoute } from "../members/batch-subscribe.js";
import { createList } from "./create-list.js";
import { checkListBody } from "./list-input.js";
import { listView } from "./list-view.js";

// /lists and /lists/{list_id}: audiences. POST /lists/{list_id} (batch subscribe) lives in members/.

const SETTINGS_KEYS = [
  "name", "contact", "permission_reminder", "use_archive_bar", "campaign_defaults", "notify_on_subscribe",
  "notify_on_unsubscribe", "email_type_option", "double_optin", "marketing_permissions",
];

function pickSettings(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) if (body[key] !== undefined) out[key] = body[key];
  return out;
}

function getLists(ctx: RouteContext): Reply {
  const all = [...ctx.emulator.account.lists.values()];
  const origin = ctx.emulator.apiOrigin();
  return ok({
    lists: page(all, parsePaging(ctx.query)).map((l) => listView(l, origin)),
    total_items: all.length,
    constraints: { may_create: true, max_instances: 100, current_total_instances: all.length },
    _links: [{ rel: "self", href: `${origin}/lists`, method: "GET" }],
  });
}

function postList(ctx: RouteContext): Reply {
  const body = checkListBody(ctx.body, "post");
  if (ctx.emulator.account.lists.size >= 100) {
    throw invalidResource([{ field: "", message: "You have reached the maximum number of audiences for your plan." }]);
  }
  const list = createList(ctx.emulator, { use_archive_bar: false, notify_on_subscribe: "", notify_on_unsubscribe: "", double_optin: false, marketing_permissions: false, ...pickSettings(body) });
  return ok(listView(list, ctx.emulator.apiOrigin()));
}

function getList(ctx: RouteContext): Reply {
  return ok(listView(ctx.emulator.list(ctx.params.list_id as string), ctx.emulator.apiOrigin()));
}

function patchList(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const body = checkListBody(ctx.body, "patch");
  list.settings = { ...list.settings, ...pickSettings(body) };
  return ok(listView(list, ctx.emulator.apiOrigin()));
}

function deleteList(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  ctx.emulator.account.lists.delete(list.id);
  return noContent();
}

export const listRoutes: Route[] = [
  { method: "GET", template: "/lists", handler: getLists },
  { method: "POST", template: "/lists", handler: postList },
  { method: "GET", template: "/lists/{list_id}", handler: getList },
  { method: "PATCH", template: "/lists/{list_id}", handler: patchList },
  { method: "DELETE", template: "/lists/{list_id}", handler: deleteList },
  batchSubscribeRoute,
];

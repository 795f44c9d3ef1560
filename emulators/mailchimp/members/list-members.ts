import type { Member, MemberStatus } from "../core/types.js";
import { page, parsePaging } from "../http/paging.js";
import { queryEnum, queryTime } from "../http/query.js";
import { ok, type Reply, type RouteContext } from "../http/route.js";
import { memberView } from "./member-view.js";

// GET /lists/{list_id}/members — filters, then pages. The member map is already in last_changed order,
// so sorting by last_changed is a walk (or a reverse walk), not a sort. Archived members appear only on request.

const STATUSES = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived"] as const;

export function listMembers(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const paging = parsePaging(ctx.query);
  const status = queryEnum<MemberStatus>(ctx.query, "status", STATUSES);
  const since = queryTime(ctx.query, "since_last_changed");
  const before = queryTime(ctx.query, "before_last_changed");
  const sortField = queryEnum(ctx.query, "sort_field", ["timestamp_opt", "timestamp_signup", "last_changed"] as const);
  const sortDir = queryEnum(ctx.query, "sort_dir", ["ASC", "DESC"] as const);
  const emailType = ctx.query.get("email_type");
  const vipOnly = ctx.query.get("vip_only") === "true";
  const keep = (m: Member): boolean =>
    (status ? m.status === status : m.status !== "archived") &&
    (since === null || wholeSecond(m) > since) &&
    (before === null || wholeSecond(m) < before) &&
    (!emailType || m.email_type === emailType) &&
    (!vipOnly || m.vip);
  let matched: Member[] = [];
  for (const m of list.members.values()) if (keep(m)) matched.push(m);
  if (sortField && sortField !== "last_changed") {
    matched.sort((a, b) => (a[sortField] < b[sortField] ? -1 : a[sortField] > b[sortField] ? 1 : 0));
  }
  if (sortDir === "DESC") matched = matched.reverse();
  const origin = ctx.emulator.apiOrigin();
  return ok({
    members: page(matched, paging).map((m) => memberView(list, m, origin)),
    list_id: list.id,
    total_items: matched.length,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/members`, method: "GET" }],
  });
}

// last_changed is published with whole seconds; filters compare at that precision, exclusive at both ends.
function wholeSecond(m: Member): number {
  return m.lastChangedMs - (m.lastChangedMs % 1000);
}

import { subscriberHash } from "../core/hash.js";
import { mailchimpTime } from "../core/time.js";
import type { AudienceList, Segment } from "../core/types.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { arrayLength, noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { memberView } from "../members/member-view.js";

// Static segments: created with a list of emails, then grown/shrunk 500 addresses at a time.

const MAX_PER_SIDE = 500;

function view(list: AudienceList, s: Segment, origin: string): Record<string, unknown> {
  return { id: s.id, name: s.name, member_count: s.members.size, type: s.type, created_at: s.created_at, updated_at: s.updated_at,
    ...(s.options ? { options: s.options } : {}), list_id: list.id,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/segments/${s.id}`, method: "GET" }] };
}

function findSegment(ctx: RouteContext) {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const segment = list.segments.get(Number(ctx.params.segment_id));
  if (!segment) throw notFound();
  return { list, segment };
}

function emails(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw invalidResource([{ field, message: "Schema describes array of strings." }]);
  }
  if (value.length > MAX_PER_SIDE) throw invalidResource([{ field, message: `You may only submit up to ${MAX_PER_SIDE} emails per request.` }]);
  return value as string[];
}

function postSegment(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["name"]);
  checkTypes(body, { name: "string", static_segment: "array", options: "object" });
  const now = mailchimpTime(ctx.emulator.now());
  const isStatic = body.static_segment !== undefined || body.options === undefined;
  const segment: Segment = { id: ctx.emulator.nextId(), name: body.name as string, type: isStatic ? "static" : "saved",
    created_at: now, updated_at: now, options: (body.options as Record<string, unknown> | undefined) ?? null, members: new Set() };
  for (const email of emails(body.static_segment, "static_segment")) {
    const hash = subscriberHash(email);
    if (list.members.has(hash)) segment.members.add(hash);
  }
  list.segments.set(segment.id, segment);
  return ok(view(list, segment, ctx.emulator.apiOrigin()));
}

function updateMembers(ctx: RouteContext): Reply {
  const { list, segment } = findSegment(ctx);
  const body = requireObjectBody(ctx.body);
  const add = emails(body.members_to_add, "members_to_add");
  const remove = emails(body.members_to_remove, "members_to_remove");
  const origin = ctx.emulator.apiOrigin();
  const added: unknown[] = [];
  const removed: unknown[] = [];
  const notInList: string[] = [];
  const apply = (list_: string[], into: unknown[], fn: (h: string) => boolean): void => {
    for (const email of list_) {
      const member = list.members.get(subscriberHash(email));
      if (!member || member.status === "archived") notInList.push(email);
      else if (fn(member.hash)) into.push(memberView(list, member, origin));
    }
  };
  apply(add, added, (h) => !segment.members.has(h) && segment.members.add(h) !== undefined);
  apply(remove, removed, (h) => segment.members.delete(h));
  segment.updated_at = mailchimpTime(ctx.emulator.now());
  const errors = notInList.length > 0 ? [{ email_addresses: notInList, error: "Email addresses do not belong to this list." }] : [];
  return ok({ members_added: added, members_removed: removed, errors, total_added: added.length, total_removed: removed.length,
    error_count: notInList.length, _links: [{ rel: "self", href: `${origin}/lists/${list.id}/segments/${segment.id}`, method: "GET" }] });
}

function listSegments(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const origin = ctx.emulator.apiOrigin();
  const all = [...list.segments.values()];
  return ok({ segments: page(all, parsePaging(ctx.query)).map((s) => view(list, s, origin)), list_id: list.id, total_items: all.length,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/segments`, method: "GET" }] });
}

const ONE = "/lists/{list_id}/segments/{segment_id}";
export const segmentRoutes: Route[] = [
  { method: "GET", template: "/lists/{list_id}/segments", handler: listSegments },
  { method: "POST", template: "/lists/{list_id}/segments", handler: postSegment, records: (b) => arrayLength(b, "static_segment") },
  { method: "GET", template: ONE, handler: (ctx) => { const { list, segment } = findSegment(ctx); return ok(view(list, segment, ctx.emulator.apiOrigin())); } },
  { method: "POST", template: ONE, handler: updateMembers,
    records: (b) => { const o = (b ?? {}) as { members_to_add?: unknown[]; members_to_remove?: unknown[] }; return Math.max(1, (o.members_to_add?.length ?? 0) + (o.members_to_remove?.length ?? 0)); } },
  { method: "DELETE", template: ONE, handler: (ctx) => { const { list, segment } = findSegment(ctx); list.segments.delete(segment.id); return noContent(); } },
];

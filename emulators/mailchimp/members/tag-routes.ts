import { hashFromPathSegment } from "../core/hash.js";
import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { arrayLength, noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { applyTag } from "./member-store.js";

// Member tags: POST adds/removes (204, tags created on demand), GET lists them; tag-search lists the audience's tags.

const TAGS = "/lists/{list_id}/members/{subscriber_hash}/tags";

function findMember(ctx: RouteContext) {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const member = list.members.get(hashFromPathSegment(ctx.params.subscriber_hash as string));
  if (!member) throw notFound();
  return { list, member };
}

function updateTags(ctx: RouteContext): Reply {
  const { list, member } = findMember(ctx);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["tags"]);
  checkTypes(body, { tags: "array", is_syncing: "boolean" });
  const tags = body.tags as unknown[];
  tags.forEach((tag, i) => {
    const t = requireObjectBody(tag);
    requireFields(t, ["name", "status"], `tags[${i}].`);
    checkTypes(t, { name: "string", status: "string" }, `tags[${i}].`);
    if (t.status !== "active" && t.status !== "inactive") {
      throw invalidResource([{ field: `tags[${i}].status`, message: "Data presented is not one of the accepted values: active, inactive." }]);
    }
  });
  for (const tag of tags as Array<{ name: string; status: string }>) {
    applyTag(ctx.emulator, list, member, tag.name, tag.status === "active");
  }
  return noContent();
}

function getTags(ctx: RouteContext): Reply {
  const { list, member } = findMember(ctx);
  const all = [...member.tags.values()];
  return ok({
    tags: page(all, parsePaging(ctx.query)),
    total_items: all.length,
    _links: [{ rel: "self", href: `${ctx.emulator.apiOrigin()}/lists/${list.id}/members/${member.hash}/tags`, method: "GET" }],
  });
}

function searchTags(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const name = (ctx.query.get("name") ?? "").toLowerCase();
  const tags = [...list.tagIds].filter(([n]) => n.toLowerCase().includes(name)).map(([n, id]) => ({ id, name: n }));
  return ok({ tags, total_items: tags.length });
}

export const tagRoutes: Route[] = [
  { method: "POST", template: TAGS, handler: updateTags, records: (b) => arrayLength(b, "tags") },
  { method: "GET", template: TAGS, handler: getTags },
  { method: "GET", template: "/lists/{list_id}/tag-search", handler: searchTags },
];

import { hashFromPathSegment } from "../core/hash.js";
import { requireObjectBody } from "../http/body-checks.js";
import { notFound } from "../http/problem.js";
import { queryBool } from "../http/query.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { archiveMember, forgetMember } from "./remove-member.js";
import { listMembers } from "./list-members.js";
import { memberView } from "./member-view.js";
import { writeMember, type WriteMode } from "./write-member.js";

// /lists/{list_id}/members[/{subscriber_hash}] — the member CRUD surface.

const ONE = "/lists/{list_id}/members/{subscriber_hash}";

function write(mode: WriteMode) {
  return (ctx: RouteContext): Reply => {
    const list = ctx.emulator.list(ctx.params.list_id as string);
    const body = requireObjectBody(ctx.body);
    const pathHash = mode === "post" ? null : hashFromPathSegment(ctx.params.subscriber_hash as string);
    const skipMergeValidation = queryBool(ctx.query, "skip_merge_validation");
    const { member } = writeMember(ctx.emulator, list, body, { mode, pathHash, skipMergeValidation, source: ctx.source });
    return ok(memberView(list, member, ctx.emulator.apiOrigin()));
  };
}

function getMember(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const member = list.members.get(hashFromPathSegment(ctx.params.subscriber_hash as string));
  if (!member) throw notFound();
  return ok(memberView(list, member, ctx.emulator.apiOrigin()));
}

function remove(permanent: boolean) {
  return (ctx: RouteContext): Reply => {
    const list = ctx.emulator.list(ctx.params.list_id as string);
    const member = list.members.get(hashFromPathSegment(ctx.params.subscriber_hash as string));
    // Archiving twice is a 404 at Mailchimp: the archived contact is no longer "on" the audience.
    if (!member || (!permanent && member.status === "archived")) throw notFound();
    if (permanent) forgetMember(ctx.emulator, list, member, ctx.source);
    else archiveMember(ctx.emulator, list, member, ctx.source);
    return noContent();
  };
}

export const memberRoutes: Route[] = [
  { method: "GET", template: "/lists/{list_id}/members", handler: listMembers },
  { method: "POST", template: "/lists/{list_id}/members", handler: write("post") },
  { method: "GET", template: ONE, handler: getMember },
  { method: "PUT", template: ONE, handler: write("put") },
  { method: "PATCH", template: ONE, handler: write("patch") },
  { method: "DELETE", template: ONE, handler: remove(false) },
  { method: "POST", template: `${ONE}/actions/delete-permanent`, handler: remove(true) },
];

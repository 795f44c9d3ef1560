import { subscriberHash } from "../core/hash.js";
import { checkTypes, requireFields, requireObjectBody, type Body } from "../http/body-checks.js";
import { ApiProblem, invalidResource } from "../http/problem.js";
import { queryBool } from "../http/query.js";
import { arrayLength, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { memberView } from "./member-view.js";
import { writeMember } from "./write-member.js";

// POST /lists/{list_id}: up to 500 members per call. Per-member failures (compliance, fake email, bad merge
// values, existing contact without update_existing) land in errors[]; the request itself still answers 200.

const MAX_MEMBERS = 500;

interface BatchError {
  email_address: string;
  error: string;
  error_code: "ERROR_CONTACT_EXISTS" | "ERROR_GENERIC";
  field: string;
  field_message: string;
}

function batchSubscribe(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["members"]);
  checkTypes(body, { members: "array", update_existing: "boolean", sync_tags: "boolean" });
  const members = body.members as unknown[];
  if (members.length > MAX_MEMBERS) {
    throw invalidResource([{ field: "members", message: `You may only submit up to ${MAX_MEMBERS} members per request.` }]);
  }
  const skipMergeValidation = queryBool(ctx.query, "skip_merge_validation");
  const skipDuplicateCheck = queryBool(ctx.query, "skip_duplicate_check");
  const updateExisting = body.update_existing === true;
  const origin = ctx.emulator.apiOrigin();
  const created: unknown[] = [];
  const updated: unknown[] = [];
  const errors: BatchError[] = [];
  const seen = new Set<string>();
  for (const raw of members) {
    const entry = (raw !== null && typeof raw === "object" ? raw : {}) as Body;
    const email = typeof entry.email_address === "string" ? entry.email_address : "";
    const hash = email ? subscriberHash(email) : "";
    if (hash && seen.has(hash)) {
      if (!skipDuplicateCheck) errors.push(generic(email, `${email} was included more than once in this request.`));
      continue;
    }
    if (hash) seen.add(hash);
    const existing = hash ? list.members.get(hash) : undefined;
    if (existing && existing.status !== "archived" && !updateExisting) {
      errors.push({ email_address: email, error: `${email} is already a list member, do you want to update? please provide update_existing:true in the request body`, error_code: "ERROR_CONTACT_EXISTS", field: "", field_message: "" });
      continue;
    }
    try {
      requireObjectBody(raw);
      const result = writeMember(ctx.emulator, list, entry, { mode: "batch", pathHash: null, skipMergeValidation, source: ctx.source, replaceTags: body.sync_tags === true });
      (result.created ? created : updated).push(memberView(list, result.member, origin));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const first = error.errors?.[0];
      errors.push({ ...generic(email, error.errors && error.title === "Invalid Resource" && error.detail.startsWith("The resource") ? first?.message ?? error.detail : error.detail), field: first?.field ?? "", field_message: first?.message ?? "" });
    }
  }
  return ok({
    new_members: created,
    updated_members: updated,
    errors,
    total_created: created.length,
    total_updated: updated.length,
    error_count: errors.length,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}`, method: "GET" }],
  });
}

function generic(email: string, message: string): BatchError {
  return { email_address: email, error: message, error_code: "ERROR_GENERIC", field: "", field_message: "" };
}

export const batchSubscribeRoute: Route = {
  method: "POST",
  template: "/lists/{list_id}",
  handler: batchSubscribe,
  records: (b) => arrayLength(b, "members"),
};

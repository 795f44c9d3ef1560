import type { AudienceList, MergeField } from "../core/types.js";
import { checkEnum, checkTypes, requireFields, requireObjectBody, type Body } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";

// /lists/{list_id}/merge-fields: the audience's custom fields; tags are unique per audience.

const TYPES = ["text", "number", "address", "phone", "date", "url", "imageurl", "radio", "dropdown", "birthday", "zip"] as const;
const RESERVED = new Set(["EMAIL", "INTERESTS", "UNSUB", "FORWARD", "REWARDS", "ARCHIVE", "USER_URL", "DATE", "LIST", "MC_"]);
const FIELD_TYPES = { tag: "string", name: "string", type: "string", required: "boolean", default_value: "string", public: "boolean", display_order: "integer", options: "object", help_text: "string" } as const;

function view(list: AudienceList, f: MergeField, origin: string): Record<string, unknown> {
  const { merge_id, tag, name, type, required, default_value, display_order, options, help_text } = f;
  return { merge_id, tag, name, type, required, default_value, public: f.public, display_order, options, help_text, list_id: list.id,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/merge-fields/${merge_id}`, method: "GET" }] };
}

function checkTag(list: AudienceList, tag: string, except?: MergeField): string {
  const upper = tag.toUpperCase();
  if (!/^[A-Z][A-Z0-9_]{0,9}$/.test(upper) || RESERVED.has(upper)) {
    throw invalidResource([{ field: "tag", message: `The tag "${tag}" is reserved or not a valid merge tag.` }]);
  }
  if (list.mergeFields.some((f) => f.tag === upper && f !== except)) {
    throw invalidResource([{ field: "tag", message: `A Merge Field with the tag "${upper}" already exists for this list.` }]);
  }
  return upper;
}

function checkChoices(type: string, options: Body): void {
  if ((type === "radio" || type === "dropdown") && !Array.isArray(options.choices)) {
    throw invalidResource([{ field: "options.choices", message: "Choices are required for radio and dropdown fields." }]);
  }
}

function findField(ctx: RouteContext) {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const field = list.mergeFields.find((f) => String(f.merge_id) === ctx.params.merge_id);
  if (!field) throw notFound();
  return { list, field };
}

function postField(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["name", "type"]);
  checkTypes(body, FIELD_TYPES);
  checkEnum(body, "type", TYPES);
  const merge_id = list.nextMergeId;
  const tag = checkTag(list, (body.tag as string | undefined) ?? `MMERGE${merge_id}`);
  const options = (body.options as Body | undefined) ?? {};
  checkChoices(body.type as string, options);
  const field: MergeField = {
    merge_id, tag, name: body.name as string, type: body.type as string, required: body.required === true,
    default_value: (body.default_value as string | undefined) ?? "", public: body.public === true,
    display_order: (body.display_order as number | undefined) ?? merge_id + 1, options, help_text: (body.help_text as string | undefined) ?? "",
  };
  list.nextMergeId += 1;
  list.mergeFields.push(field);
  return ok(view(list, field, ctx.emulator.apiOrigin()));
}

function patchField(ctx: RouteContext): Reply {
  const { list, field } = findField(ctx);
  const body = requireObjectBody(ctx.body);
  checkTypes(body, FIELD_TYPES);
  if (body.type !== undefined && body.type !== field.type) {
    throw invalidResource([{ field: "type", message: "The type of an existing merge field cannot be changed." }]);
  }
  if (typeof body.tag === "string") field.tag = checkTag(list, body.tag, field);
  if (body.options) checkChoices(field.type, body.options as Body);
  for (const key of ["name", "required", "default_value", "public", "display_order", "options", "help_text"] as const) {
    if (body[key] !== undefined) Object.assign(field, { [key]: body[key] });
  }
  return ok(view(list, field, ctx.emulator.apiOrigin()));
}

function deleteField(ctx: RouteContext): Reply {
  const { list, field } = findField(ctx);
  list.mergeFields = list.mergeFields.filter((f) => f !== field);
  for (const m of list.members.values()) delete m.merge_fields[field.tag];
  return noContent();
}

function listFields(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const origin = ctx.emulator.apiOrigin();
  return ok({
    merge_fields: page(list.mergeFields, parsePaging(ctx.query)).map((f) => view(list, f, origin)),
    list_id: list.id,
    total_items: list.mergeFields.length,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/merge-fields`, method: "GET" }],
  });
}

const ONE = "/lists/{list_id}/merge-fields/{merge_id}";
export const mergeFieldRoutes: Route[] = [
  { method: "GET", template: "/lists/{list_id}/merge-fields", handler: listFields },
  { method: "POST", template: "/lists/{list_id}/merge-fields", handler: postField },
  { method: "GET", template: ONE, handler: (ctx) => { const { list, field } = findField(ctx); return ok(view(list, field, ctx.emulator.apiOrigin())); } },
  { method: "PATCH", template: ONE, handler: patchField },
  { method: "DELETE", template: ONE, handler: deleteField },
];

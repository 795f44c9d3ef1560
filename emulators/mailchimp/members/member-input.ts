import { checkEnum, checkTypes, type Body } from "../http/body-checks.js";
import { invalidResource } from "../http/problem.js";
import { WRITABLE_STATUSES, type WritableStatus } from "../core/types.js";

// Shape checks for a member body (PUT/POST/PATCH and each batch-subscribe entry), before any state is read.

export function checkMemberBody(body: Body, statuses: readonly string[] = WRITABLE_STATUSES): void {
  checkTypes(body, {
    email_address: "string", status: "string", status_if_new: "string", email_type: "string",
    merge_fields: "object", interests: "object", language: "string", vip: "boolean", tags: "array",
    ip_signup: "string", ip_opt: "string", timestamp_signup: "string", timestamp_opt: "string", location: "object",
  });
  checkEnum(body, "status", statuses);
  checkEnum(body, "status_if_new", WRITABLE_STATUSES);
  checkEnum(body, "email_type", ["html", "text"]);
  const interests = body.interests as Record<string, unknown> | undefined;
  // The emulator models no interest categories, so any interest id is unknown to the audience.
  const first = interests ? Object.keys(interests)[0] : undefined;
  if (first !== undefined) throw invalidResource([{ field: "interests", message: `Invalid interest ID: '${first}'` }]);
  if (Array.isArray(body.tags) && body.tags.some((t) => typeof t !== "string")) {
    throw invalidResource([{ field: "tags", message: "Schema describes string, object found instead" }]);
  }
}

export function statusField(body: Body, name: "status" | "status_if_new"): WritableStatus | undefined {
  return body[name] as WritableStatus | undefined;
}

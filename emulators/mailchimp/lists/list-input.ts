import { checkTypes, requireFields, requireObjectBody, type Body } from "../http/body-checks.js";
import { invalidResource } from "../http/problem.js";
import { emailProblem } from "../members/email-rules.js";

// Validates Subscriber_List_1 / _2 bodies. The spec marks the same five fields required for POST and PATCH.

const CONTACT_REQUIRED = { post: ["company", "address1", "city", "country"], patch: ["company", "address1", "city", "state", "zip", "country"] };

export function checkListBody(raw: unknown, mode: "post" | "patch"): Body {
  const body = requireObjectBody(raw);
  requireFields(body, ["name", "contact", "permission_reminder", "campaign_defaults", "email_type_option"]);
  checkTypes(body, {
    name: "string", contact: "object", permission_reminder: "string", use_archive_bar: "boolean",
    campaign_defaults: "object", notify_on_subscribe: "string", notify_on_unsubscribe: "string",
    email_type_option: "boolean", double_optin: "boolean", marketing_permissions: "boolean",
  });
  const contact = body.contact as Body;
  requireFields(contact, CONTACT_REQUIRED[mode], "contact.");
  const defaults = body.campaign_defaults as Body;
  requireFields(defaults, ["from_name", "from_email", "subject", "language"], "campaign_defaults.");
  if (typeof defaults.from_email !== "string" || emailProblem(defaults.from_email) === "malformed") {
    throw invalidResource([{ field: "campaign_defaults.from_email", message: "This value should be a valid email address." }]);
  }
  return body;
}

import type { Emulator } from "../core/emulator.js";
import { subscriberHash } from "../core/hash.js";
import type { AudienceList, Member, Source, WritableStatus } from "../core/types.js";
import type { Body } from "../http/body-checks.js";
import { ApiProblem, invalidResource, notFound } from "../http/problem.js";
import { assertNotForgotten, assertTransitionAllowed } from "./compliance.js";
import { assertRealEmail } from "./email-rules.js";
import { checkMemberBody, statusField } from "./member-input.js";
import { fireMemberEvents, snapshotForEvents } from "./member-events.js";
import { applyTag, defaultMergeFields, newMember, renameMember, setStatus, touch } from "./member-store.js";
import { normalizeMergeValue } from "./merge-normalize.js";
import { validateMergeFields } from "./merge-validation.js";

// The single path by which any API write reaches a member: PUT, POST, PATCH, batch subscribe, e-commerce
// customers and /batches operations all end here, so the consent rules cannot be bypassed by choosing an endpoint.

export type WriteMode = "put" | "post" | "patch" | "batch";

export interface WriteOptions {
  mode: WriteMode;
  pathHash: string | null;
  skipMergeValidation: boolean;
  source: Source;
  memberSource?: string;
  replaceTags?: boolean;
}

export interface WriteResult {
  member: Member;
  created: boolean;
}

export function writeMember(emulator: Emulator, list: AudienceList, body: Body, options: WriteOptions): WriteResult {
  const { mode } = options;
  checkMemberBody(body, mode === "patch" ? ["subscribed", "unsubscribed", "cleaned", "pending"] : undefined);
  const requestedEmail = body.email_address as string | undefined;
  if (mode !== "patch" && requestedEmail === undefined) {
    throw invalidResource([{ field: "", message: "Required fields were not provided: email_address" }]);
  }
  if (requestedEmail !== undefined) assertRealEmail(requestedEmail);
  const hash = options.pathHash ?? subscriberHash(requestedEmail as string);
  const existing = list.members.get(hash);
  if (!existing && mode === "patch") throw notFound();
  if (existing && existing.status !== "archived" && mode === "post") {
    throw new ApiProblem(400, "Member Exists", `${existing.email_address} is already a list member. Use PUT to insert or update list members.`);
  }
  if (!existing && requestedEmail !== undefined && subscriberHash(requestedEmail) !== hash) {
    throw invalidResource([{ field: "email_address", message: "The email address does not match the subscriber hash in the URL." }]);
  }
  const target = targetStatus(body, mode, existing);
  const email = requestedEmail ?? (existing as Member).email_address;
  if (existing) {
    const from = existing.status === "archived" ? existing.statusBeforeArchive : existing.status;
    if (target && from) assertTransitionAllowed(existing.email_address, from, target);
  } else {
    if (!target) throw invalidResource([{ field: "status_if_new", message: "This value is required for new list members." }]);
    assertNotForgotten(email, list.forgotten.has(hash), target);
  }
  const incoming = (body.merge_fields as Record<string, unknown> | undefined) ?? {};
  const before = existing ? snapshotForEvents(existing) : null;
  const baseFields = existing ? existing.merge_fields : defaultMergeFields(list);
  const resulting = { ...baseFields, ...incoming };
  const mergeErrors = validateMergeFields(list.mergeFields, incoming, resulting, options.skipMergeValidation);
  if (mergeErrors.length > 0) throw invalidResource(mergeErrors, "Your merge fields were invalid.");
  const member = existing ?? newMember(emulator, list, hash, email, target as WritableStatus);
  if (options.memberSource && !existing) member.source = options.memberSource;
  applyBody(emulator, list, member, body, incoming, target, options);
  touch(emulator, list, member);
  fireMemberEvents(emulator, list, before, member, options.source);
  return { member, created: !existing };
}

function targetStatus(body: Body, mode: WriteMode, existing: Member | undefined): WritableStatus | undefined {
  const status = statusField(body, "status");
  const ifNew = statusField(body, "status_if_new");
  if (mode === "put") return existing && existing.status !== "archived" ? status : existing ? (status ?? ifNew) : ifNew;
  if (mode === "batch") return existing ? status : (status ?? ifNew);
  return status;
}

function applyBody(
  emulator: Emulator, list: AudienceList, member: Member, body: Body,
  incoming: Record<string, unknown>, target: WritableStatus | undefined, options: WriteOptions,
): void {
  const email = body.email_address as string | undefined;
  if (email !== undefined && email.toLowerCase() !== member.email_address.toLowerCase()) {
    const newHash = subscriberHash(email);
    if (list.members.get(newHash)) {
      throw new ApiProblem(400, "Member Exists", `${email} is already a list member. Use PUT to insert or update list members.`);
    }
    renameMember(list, member, newHash);
  }
  if (email !== undefined) member.email_address = email;
  const byTag = new Map(list.mergeFields.map((f) => [f.tag, f]));
  for (const [tag, value] of Object.entries(incoming)) {
    if (byTag.has(tag)) member.merge_fields[tag] = normalizeMergeValue(byTag.get(tag), value);
  }
  if (target) setStatus(emulator, member, target, options.source === "api" ? "N/A (Unsubscribed via API)" : "N/A (Unsubscribed by an admin)");
  if (typeof body.email_type === "string") member.email_type = body.email_type;
  if (typeof body.language === "string") member.language = body.language;
  if (typeof body.vip === "boolean") member.vip = body.vip;
  for (const key of ["ip_signup", "ip_opt", "timestamp_signup", "timestamp_opt"] as const) {
    if (typeof body[key] === "string") member[key] = body[key] as string;
  }
  if (Array.isArray(body.tags)) {
    if (options.replaceTags) member.tags.clear();
    for (const name of body.tags as string[]) applyTag(emulator, list, member, name, true);
  }
}

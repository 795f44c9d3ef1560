/**
 * The consent firewall: every outbound Mailchimp member write passes through checkMemberWrite() before it is
 * sent. Pure and synchronous, so the runtime can call it per record inside a batch builder, and so its rules
 * can be property-tested. It enforces invariant 2 (DEVELOPERS.md): the integration never widens consent.
 */
export type MemberWriteKind = "batch_subscribe_new" | "put_upsert" | "patch" | "tags";
export type KnownMemberStatus = "subscribed" | "unsubscribed" | "cleaned" | "pending" | "transactional" | "archived" | "forgotten";
export type NewMemberStatus = "subscribed" | "pending" | "transactional";

export interface IntendedMemberWrite {
  kind: MemberWriteKind;
  /** The member object as it will be sent (for batch_subscribe_new: this member's entry in members[]). */
  body: Readonly<Record<string, unknown>>;
  /** true: known to exist in Mailchimp; false: known not to; "unknown": never checked. */
  memberExists: boolean | "unknown";
  /** Last status Bridgeline saw (sync_records.member_status, or a consent event); null when none. */
  knownStatus: KnownMemberStatus | null;
  /** The consent policy's status for new members. */
  allowedNewStatus: NewMemberStatus;
  /** batch_subscribe_new only: update_existing of the request. */
  updateExisting?: boolean;
}

export type RefusalCode =
  | "status_for_existing_member"
  | "status_not_allowed_by_policy"
  | "opted_out_member"
  | "update_existing_batch"
  | "tags_write_with_other_fields"
  | "marketing_permission_widened";

export type FirewallDecision = { allow: true } | { allow: false; code: RefusalCode; reason: string };

const OPTED_OUT: ReadonlySet<string> = new Set(["unsubscribed", "cleaned", "archived", "forgotten"]);
const ACTIVE = new Set(["subscribed", "pending"]);
const TAG_KEYS = new Set(["tags", "is_syncing"]);
/**
 * A PUT needs status_if_new. For an opted-out member only values that cannot make anyone reachable are
 * accepted (an archived member re-added by PUT would otherwise come back subscribed).
 */
const INERT_IF_NEW = new Set(["unsubscribed", "transactional"]);
/** What may be sent to an opted-out member: data Odoo owns, never anything that speaks about consent. */
const DATA_KEYS = new Set(["email_address", "merge_fields", "language", "vip", "email_type", "tags", "is_syncing"]);

const refuse = (code: RefusalCode, reason: string): FirewallDecision => ({ allow: false, code, reason });

/** Subscribed/pending are only allowed when the policy gives new members that status (pending is narrower). */
export function policyAllows(status: unknown, allowed: NewMemberStatus): boolean {
  if (typeof status !== "string" || !ACTIVE.has(status)) return true;
  return status === allowed || (status === "pending" && allowed === "subscribed");
}

export function checkMemberWrite(write: IntendedMemberWrite): FirewallDecision {
  const keys = Object.keys(write.body);
  const { status, status_if_new: statusIfNew } = write.body;
  const knownToExist = write.memberExists === true || write.knownStatus !== null;

  if (write.kind === "tags") {
    const extra = keys.filter((k) => !TAG_KEYS.has(k));
    return extra.length === 0 ? { allow: true } : refuse("tags_write_with_other_fields", `a tags write may only carry tags, not ${extra.join(", ")}`);
  }
  if (hasWidenedPermission(write.body.marketing_permissions)) {
    return refuse("marketing_permission_widened", "marketing_permissions may not be enabled by the integration");
  }
  if (write.kind === "batch_subscribe_new" && write.updateExisting !== false) {
    // Without an explicit update_existing=false the member entry's status could land on an existing member.
    return refuse("update_existing_batch", "a batch subscribe must send update_existing=false so existing members keep their status");
  }
  // A batch subscribe with update_existing=false leaves existing members alone (ERROR_CONTACT_EXISTS), so its
  // status acts as status_if_new. PUT and PATCH apply status to whoever is there by the time they land, and
  // "known not to exist" can be stale (a signup form), so they never carry it: PUT has status_if_new.
  const statusMayHitExisting = write.kind === "batch_subscribe_new" ? knownToExist : true;
  if (status !== undefined && statusMayHitExisting) {
    return refuse("status_for_existing_member", "status may not be sent for a member that exists or may exist; use status_if_new");
  }
  if (write.knownStatus !== null && OPTED_OUT.has(write.knownStatus)) {
    const extra = keys.filter((k) => !DATA_KEYS.has(k) && !(k === "status_if_new" && INERT_IF_NEW.has(String(statusIfNew))));
    if (extra.length > 0) {
      return refuse("opted_out_member", `member is ${write.knownStatus}: only tags and merge fields may be updated, not ${extra.join(", ")}`);
    }
  }
  for (const [field, value] of [["status", status], ["status_if_new", statusIfNew]] as const) {
    if (!policyAllows(value, write.allowedNewStatus)) {
      return refuse("status_not_allowed_by_policy", `${field} "${String(value)}" is not allowed by the consent policy (new members: ${write.allowedNewStatus})`);
    }
  }
  return { allow: true };
}

function hasWidenedPermission(value: unknown): boolean {
  return Array.isArray(value) && value.some((p) => typeof p === "object" && p !== null && (p as { enabled?: unknown }).enabled === true);
}

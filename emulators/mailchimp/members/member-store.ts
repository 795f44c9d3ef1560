import type { Emulator } from "../core/emulator.js";
import { mailchimpTime } from "../core/time.js";
import type { AudienceList, Member, WritableStatus } from "../core/types.js";

// Low-level mutations of the member map. Keeping the map in last_changed order makes
// sort_field=last_changed and since_last_changed scans sort-free.

export function newMember(emulator: Emulator, list: AudienceList, hash: string, email: string, status: WritableStatus): Member {
  const now = emulator.now();
  const member: Member = {
    hash,
    email_address: email,
    unique_email_id: emulator.random.hex(10),
    contact_id: emulator.random.hex(32),
    web_id: emulator.nextId(),
    email_type: "html",
    status,
    statusBeforeArchive: null,
    unsubscribe_reason: "",
    merge_fields: {},
    interests: {},
    ip_signup: "",
    timestamp_signup: "",
    ip_opt: "",
    timestamp_opt: "",
    member_rating: 2,
    last_changed: mailchimpTime(now),
    lastChangedMs: now,
    language: "",
    vip: false,
    source: "API - Generic",
    tags: new Map(),
    list_id: list.id,
  };
  member.merge_fields = defaultMergeFields(list);
  return member;
}

// New members start with each merge field's default_value, as Mailchimp fills them in.
export function defaultMergeFields(list: AudienceList): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of list.mergeFields) if (field.default_value !== "") fields[field.tag] = field.default_value;
  return fields;
}

export function touch(emulator: Emulator, list: AudienceList, member: Member): void {
  const now = emulator.now();
  member.lastChangedMs = now;
  member.last_changed = mailchimpTime(now);
  list.members.delete(member.hash);
  list.members.set(member.hash, member);
}

export function setStatus(emulator: Emulator, member: Member, status: WritableStatus, reason: string): void {
  if (member.status === status) return;
  member.status = status;
  member.statusBeforeArchive = null;
  if (status === "subscribed") member.timestamp_opt = mailchimpTime(emulator.now());
  member.unsubscribe_reason = status === "unsubscribed" ? reason : "";
}

export function applyTag(emulator: Emulator, list: AudienceList, member: Member, name: string, active: boolean): void {
  if (!active) {
    member.tags.delete(name);
    return;
  }
  if (member.tags.has(name)) return;
  let id = list.tagIds.get(name);
  if (id === undefined) {
    id = emulator.nextId();
    list.tagIds.set(name, id);
  }
  member.tags.set(name, { id, name, date_added: mailchimpTime(emulator.now()) });
}

export function renameMember(list: AudienceList, member: Member, newHash: string): void {
  list.members.delete(member.hash);
  for (const segment of list.segments.values()) {
    if (segment.members.delete(member.hash)) segment.members.add(newHash);
  }
  member.hash = newHash;
  list.members.set(newHash, member);
}

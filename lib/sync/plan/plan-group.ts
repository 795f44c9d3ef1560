import type { Policy } from "@/lib/sync/policy";
import type { OdooOwnedPayload, PlannedRecord } from "@/lib/sync/types";
import { payloadHash } from "./canonical-json";
import { diffManagedTags } from "./managed-tags";
import type { StagedGroup } from "./read-groups";

export type GroupOutcome =
  | { kind: "duplicate" }
  /** Mailchimp moved this member to another address (upemail): writing to this one would re-create it. */
  | { kind: "moved"; record: PlannedRecord }
  /** Mailchimp refused exactly this payload for this address for good: one open exception, not a re-send per run. */
  | { kind: "refused"; record: PlannedRecord }
  | { kind: "unchanged"; record: PlannedRecord }
  | { kind: "subscribe_new" | "upsert_existing"; record: PlannedRecord };

const ODOOID_MAX = 255;

/**
 * One (audience, email): candidates of several commercial partners are different customers sharing a
 * mailbox (duplicate_email, nothing sent); candidates of one commercial partner are one person, merged under
 * the winner. Then the payload hash decides unchanged / upsert / new against what was last applied; `force`
 * (a repair) turns "unchanged" into an upsert.
 */
export function planGroup(group: StagedGroup, policy: Policy, force = false): GroupOutcome {
  if (group.commercials > 1) return { kind: "duplicate" };
  const payload = JSON.parse(group.payload) as OdooOwnedPayload;
  payload.merge_fields.ODOOID = odooIds(group.partnerIds);
  const hash = payloadHash(payload);
  const base = { audienceId: group.audienceId, email: group.email, partnerIds: group.partnerIds, payload, hash, statusIfNew: group.statusIfNew as PlannedRecord["statusIfNew"] };
  const synced = group.synced;
  // Even a repair: the member lives at the new address now, and the old one must not come back.
  if (synced?.movedTo) return { kind: "moved", record: { ...base, tagsToAdd: [], tagsToRemove: [] } };
  if (!force && synced?.lastStatus === "synced" && synced.payloadHash === hash) return { kind: "unchanged", record: { ...base, tagsToAdd: [], tagsToRemove: [] } };
  if (!force && synced?.lastStatus === "exception" && synced.refusedHash === hash) return { kind: "refused", record: { ...base, tagsToAdd: [], tagsToRemove: [] } };
  if (synced?.payloadHash) {
    const diff = diffManagedTags(policy.tags.prefix, payload.tags, synced.appliedTags);
    // A forced re-send (repair) switches every wanted tag on again: someone may have removed one in Mailchimp.
    return { kind: "upsert_existing", record: { ...base, ...diff, ...(force ? { tagsToAdd: payload.tags } : {}) } };
  }
  return { kind: "subscribe_new", record: { ...base, tagsToAdd: payload.tags, tagsToRemove: [] } };
}

/** Ascending ids, cut at a comma to fit Mailchimp's 255-character text field. */
export function odooIds(ids: number[]): string {
  const text = [...ids].sort((a, b) => a - b).join(",");
  return text.length <= ODOOID_MAX ? text : text.slice(0, text.lastIndexOf(",", ODOOID_MAX));
}

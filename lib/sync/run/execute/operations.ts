import { subscriberHash, type BatchOperationInput, type MemberPutBody } from "@/lib/mailchimp";
import type { FirewallDecision, KnownMemberStatus } from "@/lib/consent";
import type { PlannedRecord } from "@/lib/sync/types";
import { guardWrite, isOptedOut } from "./consent-guard";

/** Operation ids carry the record's index, so results (which come back in any order) map back to records. */
export const putId = (i: number) => `m:${i}`;
export const tagsId = (i: number) => `t:${i}`;

export function parseOperationId(id: string | null): { index: number; op: "put" | "tags" } | null {
  const match = /^([mt]):(\d+)$/.exec(id ?? "");
  if (!match) return null;
  return { index: Number(match[2]), op: match[1] === "m" ? "put" : "tags" };
}

/**
 * PUT the member with status_if_new only: an existing member's status is Mailchimp's (and the person's), never
 * ours. Then switch the managed tags that changed. A member last seen opted out gets an inert status_if_new
 * ("unsubscribed"), so even if it vanished meanwhile the PUT cannot make it reachable. Every operation passes
 * the consent firewall; a refused record sends nothing.
 */
export function memberOperations(
  record: PlannedRecord,
  i: number,
  knownStatus: KnownMemberStatus | null,
): { ops: BatchOperationInput[]; refusal?: Extract<FirewallDecision, { allow: false }> } {
  const path = `/lists/${record.audienceId}/members/${subscriberHash(record.email)}`;
  const ops: BatchOperationInput[] = [];
  if (record.payload) {
    const body: MemberPutBody = {
      email_address: record.email,
      status_if_new: isOptedOut(knownStatus) ? "unsubscribed" : record.statusIfNew,
      merge_fields: record.payload.merge_fields,
      ...(record.payload.language ? { language: record.payload.language } : {}),
    };
    ops.push({ method: "PUT", path, body, operation_id: putId(i) });
  }
  const tags = tagChanges(record);
  if (tags.length > 0) ops.push({ method: "POST", path: `${path}/tags`, body: { tags }, operation_id: tagsId(i) });
  for (const op of ops) {
    const decision = guardWrite(record, op.method === "PUT" ? "put_upsert" : "tags", op.body as Record<string, unknown>, knownStatus);
    if (!decision.allow) return { ops: [], refusal: decision };
  }
  return { ops };
}

export function tagChanges(record: PlannedRecord): Array<{ name: string; status: "active" | "inactive" }> {
  const add = new Set(record.tagsToAdd);
  return [
    ...[...add].map((name) => ({ name, status: "active" as const })),
    ...record.tagsToRemove.filter((t) => !add.has(t)).map((name) => ({ name, status: "inactive" as const })),
  ];
}

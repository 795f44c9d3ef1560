import { subscriberHash, type BatchOperationInput, type MemberPutBody } from "@/lib/mailchimp";
import type { PlannedRecord } from "@/lib/sync/types";

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
 * ours. Then switch the managed tags that changed.
 */
export function memberOperations(listId: string, record: PlannedRecord, i: number): BatchOperationInput[] {
  const path = `/lists/${listId}/members/${subscriberHash(record.email)}`;
  const ops: BatchOperationInput[] = [];
  if (record.payload) {
    const body: MemberPutBody = {
      email_address: record.email,
      status_if_new: record.statusIfNew,
      merge_fields: record.payload.merge_fields,
      ...(record.payload.language ? { language: record.payload.language } : {}),
    };
    ops.push({ method: "PUT", path, body, operation_id: putId(i) });
  }
  const tags = tagChanges(record);
  if (tags.length > 0) ops.push({ method: "POST", path: `${path}/tags`, body: { tags }, operation_id: tagsId(i) });
  return ops;
}

export function tagChanges(record: PlannedRecord): Array<{ name: string; status: "active" | "inactive" }> {
  const add = new Set(record.tagsToAdd);
  return [
    ...[...add].map((name) => ({ name, status: "active" as const })),
    ...record.tagsToRemove.filter((t) => !add.has(t)).map((name) => ({ name, status: "inactive" as const })),
  ];
}

import type { OperationResult } from "@/lib/mailchimp";
import type { PlannedRecord } from "@/lib/sync/types";
import { errorOf, type RecordOutcome } from "./types";

export interface RecordResults {
  put?: OperationResult;
  tags?: OperationResult;
}

/**
 * One record's verdict from its operations. `retry` asks for another round: retryable failures, and a tag
 * switch that reached Mailchimp before the member's PUT did (batch operations have no guaranteed order).
 */
export function judgeRecord(record: PlannedRecord, r: RecordResults | undefined): { outcome: RecordOutcome; retry: boolean } {
  const put = r?.put;
  const tags = r?.tags;
  const wantsPut = record.payload !== null;
  const wantsTags = record.tagsToAdd.length + record.tagsToRemove.length > 0;
  if (!wantsPut && !wantsTags) return { outcome: { record, kind: "synced" }, retry: false };
  if (wantsPut && !put) return noResult(record);
  if (put && !put.ok && put.error) {
    const outcome: RecordOutcome = put.error.retryable
      ? { record, kind: "failed", error: errorOf(put.error) }
      : { record, kind: "rejected", error: errorOf(put.error) };
    return { outcome, retry: put.error.retryable };
  }
  if (wantsTags && !tags) return noResult(record);
  const memberStatus = statusOf(put?.body);
  if (tags && !tags.ok && tags.error) {
    // No member to take tags off: a record leaving scope that was never (or no longer is) in Mailchimp.
    if (tags.error.kind === "not_found" && !wantsPut) return { outcome: { record, kind: "synced" }, retry: false };
    const retry = tags.error.retryable || tags.error.kind === "not_found";
    return { outcome: { record, kind: retry ? "failed" : "rejected", error: errorOf(tags.error) }, retry };
  }
  return { outcome: { record, kind: "synced", ...(memberStatus ? { memberStatus } : {}) }, retry: false };
}

function noResult(record: PlannedRecord): { outcome: RecordOutcome; retry: boolean } {
  return { outcome: { record, kind: "failed", error: { kind: "unexpected", message: "Mailchimp returned no result for this record" } }, retry: true };
}

function statusOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const status = (body as { status?: unknown }).status;
  return typeof status === "string" ? status : undefined;
}

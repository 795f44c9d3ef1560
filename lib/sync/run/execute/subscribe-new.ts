import { MAX_BATCH_SUBSCRIBE, withRetry, type BatchMember, type MemberError } from "@/lib/mailchimp";
import type { PlannedRecord } from "@/lib/sync/types";
import { guardWrite, refusedOutcome } from "./consent-guard";
import type { OutcomeError, RecordOutcome, SubscribeContext } from "./types";
import { upsertExisting } from "./upsert-existing";

/** Batch subscribe takes tags by name for new members; the SDK's type does not list them. */
type NewMember = BatchMember & { tags: string[] };

/**
 * New members: POST /lists/{id} with update_existing false and the policy's status for new members. A member
 * that already exists (someone else added it, or a crashed attempt of this very batch did) comes back as
 * ERROR_CONTACT_EXISTS and is upserted without status, so its consent is never touched.
 */
export async function subscribeNew(ctx: SubscribeContext, records: PlannedRecord[]): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  const existing: PlannedRecord[] = [];
  // A record without payload only has tags to drop, and a member Bridgeline has seen in Mailchimp exists:
  // both go the upsert way, where status is never sent.
  const candidates = records.filter((r) => (r.payload && ctx.knownStatus(r) === null ? true : (existing.push(asUpsert(r)), false)));
  const fresh: PlannedRecord[] = [];
  for (const record of candidates) {
    const decision = guardWrite(record, "batch_subscribe_new", { ...toNewMember(record) }, null);
    if (decision.allow) fresh.push(record);
    else outcomes.push(refusedOutcome(record, decision));
  }
  for (let i = 0; i < fresh.length; i += MAX_BATCH_SUBSCRIBE) {
    if (i > 0 && (await ctx.shouldStop())) break;
    const chunk = fresh.slice(i, i + MAX_BATCH_SUBSCRIBE);
    const result = await withRetry(
      () => ctx.client.batchSubscribe(ctx.audienceId, chunk.map(toNewMember), { updateExisting: false }),
      ctx.retry,
    );
    const created = new Map(result.newMembers.map((m) => [m.email_address.toLowerCase(), m.status]));
    const errors = new Map(result.errors.map((e) => [e.email.toLowerCase(), e]));
    for (const record of chunk) {
      const key = record.email.toLowerCase();
      const error = errors.get(key);
      if (created.has(key)) outcomes.push({ record, kind: "synced", memberStatus: created.get(key) as string });
      else if (error?.kind === "member_exists") existing.push(asUpsert(record));
      else if (error) outcomes.push({ record, kind: "rejected", error: memberErrorOf(error) });
      else outcomes.push({ record, kind: "failed", error: { kind: "unexpected", message: "Mailchimp reported no outcome for this member" } });
    }
  }
  if (existing.length > 0) outcomes.push(...(await upsertExisting({ ...ctx, knownBatchId: null, rememberBatchId: undefined }, existing)));
  return outcomes;
}

function toNewMember(record: PlannedRecord): NewMember {
  const payload = record.payload as NonNullable<PlannedRecord["payload"]>;
  return {
    email_address: record.email,
    status: record.statusIfNew,
    merge_fields: payload.merge_fields,
    ...(payload.language ? { language: payload.language } : {}),
    tags: payload.tags,
  };
}

/** The member exists, so none of its managed tags can be assumed: switch on every tag the payload wants. */
function asUpsert(record: PlannedRecord): PlannedRecord {
  const wanted = record.payload?.tags ?? [];
  return { ...record, tagsToAdd: [...new Set([...record.tagsToAdd, ...wanted])] };
}

function memberErrorOf(e: MemberError): OutcomeError {
  return {
    kind: e.kind,
    message: e.message,
    ...(e.field ? { field: e.field } : {}),
    ...(e.fieldMessage ? { fieldMessage: e.fieldMessage } : {}),
  };
}

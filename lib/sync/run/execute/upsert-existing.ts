import { MailchimpError, withRetry, type BatchOperationInput, type OperationResult } from "@/lib/mailchimp";
import type { PlannedRecord } from "@/lib/sync/types";
import { memberOperations, parseOperationId } from "./operations";
import { judgeRecord, type RecordResults } from "./judge";
import { refusedOutcome } from "./consent-guard";
import type { ExecuteContext, RecordOutcome } from "./types";

/** Rounds for operations that failed retryably inside a batch (throttled, 5xx, tags before the PUT landed). */
const MAX_ROUNDS = 3;

/** Existing members (or maybe-existing): one POST /batches of PUT + tag operations, polled, results parsed. */
export async function upsertExisting(ctx: ExecuteContext, records: PlannedRecord[]): Promise<RecordOutcome[]> {
  const results = new Map<number, RecordResults>();
  const built = records.map((record, index) => memberOperations(record, index, ctx.knownStatus(record)));
  const refused = new Map(built.flatMap((b, index) => (b.refusal ? [[index, refusedOutcome(records[index]!, b.refusal)] as const] : [])));
  let pending = records.map((record, index) => ({ record, index })).filter(({ index }) => !refused.has(index));
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const ops = pending.flatMap(({ index }) => built[index]!.ops);
    if (ops.length === 0) break;
    const batchResults = await runBatch(ctx, ops, round === 0 ? ctx.knownBatchId ?? null : null, round === 0);
    for (const r of batchResults) {
      const id = parseOperationId(r.operationId);
      if (!id) continue;
      const entry = results.get(id.index) ?? {};
      entry[id.op] = r;
      results.set(id.index, entry);
    }
    pending = pending.filter(({ record, index }) => judgeRecord(record, results.get(index)).retry);
  }
  return records.map((record, index) => refused.get(index) ?? judgeRecord(record, results.get(index)).outcome);
}

/** Submits (or, with knownId, finds again) one /batches and returns its classified results; lib/commerce uses it too. */
export async function runBatch(ctx: Pick<ExecuteContext, "client" | "retry" | "poll" | "rememberBatchId">, ops: BatchOperationInput[], knownId: string | null, remember: boolean): Promise<OperationResult[]> {
  const { batches } = ctx.client;
  let batchId = knownId;
  if (batchId !== null) {
    const known = batchId;
    const status = await withRetry(() => batches.status(known), ctx.retry).catch((err: unknown) => {
      // Mailchimp keeps batch results for a while only: a forgotten batch is simply submitted again.
      if (err instanceof MailchimpError && err.kind === "not_found") return null;
      throw err;
    });
    if (status === null) batchId = null;
  }
  if (batchId === null) {
    // Not retried on an ambiguous failure: a duplicate submission is harmless (PUTs and tag switches are
    // idempotent) but costs a connection, so withRetry's bounded attempts are enough.
    const started = await withRetry(() => batches.start(ops), ctx.retry);
    batchId = started.id;
    if (remember) await ctx.rememberBatchId?.(batchId);
  }
  const id = batchId;
  const finished = await withRetry(() => batches.poll(id, ctx.poll), ctx.retry);
  return withRetry(() => batches.results(finished), ctx.retry);
}

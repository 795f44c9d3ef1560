import { isRetryableKind, type BatchOperationInput, type MailchimpClient, type OperationResult, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import { runBatch } from "@/lib/sync/run/execute/upsert-existing";

/** One e-commerce write: the operation and what to remember when it lands. */
export interface WriteItem {
  storeId: string;
  kind: "product" | "customer" | "order";
  recordId: string;
  hash: string;
  op: BatchOperationInput;
  /** The same write when Mailchimp already has the record (a POST answered "already exists"). */
  asUpdate?: BatchOperationInput;
  /** For exceptions: the Odoo order name, the buyer. */
  label: string;
  email?: string;
  partnerIds?: number[];
  listId: string;
}

/** `method`: the write that landed (a POST answered "already exists" lands as its update). */
export type WriteOutcome = { item: WriteItem; ok: true; method: BatchOperationInput["method"] } | { item: WriteItem; ok: false; reason: string; retryable: boolean };

export interface WriteContext {
  client: MailchimpClient;
  retry: RetryPolicy;
  poll: PollOptions;
}

const ROUNDS = 3;
const ALREADY_EXISTS = /already exists/i;

/**
 * Sends the writes through Mailchimp's bulk path (one POST /batches per round, governed like every request of
 * the client), then again for what failed retryably or must be an update, at most three rounds.
 */
export async function writeRecords(ctx: WriteContext, items: WriteItem[]): Promise<WriteOutcome[]> {
  const outcomes = new Map<number, WriteOutcome>();
  let pending = items.map((item, index) => ({ item, index, op: item.op }));
  for (let round = 0; round < ROUNDS && pending.length > 0; round++) {
    const results = await runBatch(ctx, pending.map((p) => ({ ...p.op, operation_id: `w:${p.index}` })), null, false);
    const byIndex = new Map<number, OperationResult>();
    for (const r of results) {
      const m = /^w:(\d+)$/.exec(r.operationId ?? "");
      if (m) byIndex.set(Number(m[1]), r);
    }
    const next: typeof pending = [];
    for (const p of pending) {
      const r = byIndex.get(p.index);
      // Deleting what is already gone has done its job.
      if (r?.ok || (r?.status === 404 && p.op.method === "DELETE")) {
        outcomes.set(p.index, { item: p.item, ok: true, method: p.op.method });
        continue;
      }
      const reason = r?.error ? reasonOf(r.error) : "no result for the operation";
      if (p.item.asUpdate && p.op !== p.item.asUpdate && ALREADY_EXISTS.test(reason)) {
        next.push({ ...p, op: p.item.asUpdate });
        continue;
      }
      const retryable = !r || (r.error !== undefined && isRetryableKind(r.error.kind));
      outcomes.set(p.index, { item: p.item, ok: false, reason, retryable });
      if (retryable) next.push(p);
    }
    pending = next;
  }
  return items.map((item, index) => outcomes.get(index) ?? { item, ok: false, reason: "not written", retryable: true });
}

function reasonOf(error: NonNullable<OperationResult["error"]>): string {
  const field = error.errors[0];
  return `${error.detail ?? error.message}${field ? ` (${field.field ? `${field.field}: ` : ""}${field.message})` : ""}`;
}

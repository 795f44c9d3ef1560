import { MailchimpError, withRetry, type BatchOperationInput, type MailchimpClient, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import type { CustomerInput, OrderInput, OrderUpdate, ProductInput } from "@/lib/mailchimp";
import { removeStaleLines } from "./remove-stale-lines";

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

/**
 * `method`: the write that landed (a POST answered "already exists" lands as its update); `linesDeleted`: lines of an
 * updated order that Mailchimp still held and Odoo no longer has.
 */
export type WriteOutcome =
  | { item: WriteItem; ok: true; method: BatchOperationInput["method"]; linesDeleted?: number }
  | { item: WriteItem; ok: false; reason: string; retryable: boolean };

export interface WriteContext {
  client: MailchimpClient;
  retry: RetryPolicy;
  poll: PollOptions;
}

/** Requests in flight at once from one step: the account's 10 connections (the governor caps all workers together). */
export const WRITE_CONCURRENCY = 10;
const ALREADY_EXISTS = /already exists/i;

/**
 * Sends the writes as single requests, WRITE_CONCURRENCY at a time through the governed client, each retried on
 * throttles and transient failures. Mailchimp has no bulk endpoint for products or orders, and /batches works
 * through its operations one at a time per account (~54 ms each, as public reports of ~57k operations an hour
 * show), so ten connections carry e-commerce writes several times faster than one queue of operations.
 * A POST answered "already exists" becomes its update; deleting what is gone has done its job. An updated order
 * loses the lines Mailchimp still holds and Odoo no longer has (remove-stale-lines.ts) before it counts as landed.
 */
export async function writeRecords(ctx: WriteContext, items: WriteItem[]): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      outcomes[index] = await writeOne(ctx, items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, items.length) }, lane));
  return outcomes;
}

async function writeOne(ctx: WriteContext, item: WriteItem): Promise<WriteOutcome> {
  let op = item.op;
  for (;;) {
    try {
      const answer = await withRetry(() => send(ctx.client, item, op), ctx.retry);
      if (item.kind !== "order" || op.method !== "PATCH") return { item, ok: true, method: op.method };
      const sent = (op.body as { lines?: Array<{ id?: string }> } | undefined)?.lines ?? [];
      const linesDeleted = await removeStaleLines(ctx.client, ctx.retry, item.storeId, item.recordId, sent, answer);
      return { item, ok: true, method: op.method, linesDeleted };
    } catch (err) {
      const error = err instanceof MailchimpError ? err : undefined;
      const reason = error ? reasonOf(error) : String(err);
      if (op.method === "DELETE" && error?.kind === "not_found") return { item, ok: true, method: "DELETE" };
      if (item.asUpdate && op !== item.asUpdate && ALREADY_EXISTS.test(reason)) {
        op = item.asUpdate;
        continue;
      }
      return { item, ok: false, reason, retryable: error?.retryable ?? true };
    }
  }
}

/** The SDK call for one write (route templates stay intact for the monitoring counts). */
function send(client: MailchimpClient, item: WriteItem, op: BatchOperationInput): Promise<unknown> {
  const body = (op.body ?? {}) as Record<string, unknown>;
  const { ecommerce } = client;
  if (item.kind === "product") return op.method === "POST" ? ecommerce.products.add(item.storeId, body as unknown as ProductInput) : ecommerce.products.update(item.storeId, item.recordId, body as Partial<ProductInput>);
  if (item.kind === "customer") return ecommerce.customers.set(item.storeId, body as unknown as CustomerInput);
  if (op.method === "DELETE") return ecommerce.orders.delete(item.storeId, item.recordId);
  return op.method === "POST" ? ecommerce.orders.add(item.storeId, body as unknown as OrderInput) : ecommerce.orders.update(item.storeId, item.recordId, body as OrderUpdate);
}

function reasonOf(error: MailchimpError): string {
  const field = error.errors[0];
  return `${error.detail ?? error.message}${field ? ` (${field.field ? `${field.field}: ` : ""}${field.message})` : ""}`;
}

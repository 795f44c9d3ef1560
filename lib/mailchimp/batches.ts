import { classifyOperationResult, type OperationResult, type RawOperationResult } from "./batch-errors";
import type { MailchimpCore } from "./core";
import type { Runner } from "./runner";
import { parseTar } from "./tar";
import type { BatchOperation, BatchStatus } from "./types";

/** An operation whose body may be given as an object; it is sent as the JSON string the API expects. */
export type BatchOperationInput = Omit<BatchOperation, "body"> & { body?: string | object };

export interface PollOptions {
  /** First wait after submitting, and the wait while Mailchimp reports no progress; grows by 1.5x up to maxIntervalMs. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up (throw) after this long. Default 30 minutes: big batches take a while. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onStatus?: (status: BatchStatus) => void;
}

/** Margin on the time the remaining operations should take at the rate seen so far: one more look, not two. */
const ETA_MARGIN = 1.15;
/** However slow a batch looks, look again within this. */
const MAX_ETA_WAIT_MS = 5 * 60_000;

/**
 * How long to wait before the next status check. Once Mailchimp reports progress, the wait is the time the
 * remaining operations take at the rate seen (plus a margin), so a batch is usually checked twice: once to learn
 * its rate, once when it is done. Every check is a request against the 10 connections; polling on a fixed short
 * interval spends dozens of them on a batch of a few hundred operations.
 * `workingMs` is the time since the batch was last seen with nothing finished (or since submission): a batch
 * queued behind others did not work while it waited, and counting that wait would make it look slow.
 */
export function nextPollWait(status: Pick<BatchStatus, "total_operations" | "finished_operations">, workingMs: number, backoffMs: number): number {
  const done = status.finished_operations ?? 0;
  const total = status.total_operations ?? 0;
  if (done <= 0 || total <= done || workingMs <= 0) return backoffMs;
  const eta = ((total - done) * workingMs) / done;
  return Math.min(MAX_ETA_WAIT_MS, Math.max(backoffMs, Math.ceil(eta * ETA_MARGIN)));
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBatchesApi(run: Runner, core: MailchimpCore) {
  const start = (operations: BatchOperationInput[]) =>
    run<BatchStatus>((s) => s.batches.start({ operations: operations.map(toWire) }));
  const status = (batchId: string) => run<BatchStatus>((s) => s.batches.status(batchId));

  async function poll(batchId: string, opts: PollOptions = {}): Promise<BatchStatus> {
    const sleep = opts.sleep ?? sleepFor;
    const startedAt = Date.now();
    const deadline = startedAt + (opts.timeoutMs ?? 30 * 60_000);
    let backoff = opts.intervalMs ?? 1_000;
    let idleAt = startedAt;
    await sleep(backoff);
    for (;;) {
      const current = await status(batchId);
      opts.onStatus?.(current);
      if (current.status === "finished") return current;
      if ((current.finished_operations ?? 0) === 0) idleAt = Date.now();
      backoff = Math.min(opts.maxIntervalMs ?? 30_000, Math.ceil(backoff * 1.5));
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Batch ${batchId} still ${current.status} at the poll deadline`);
      await sleep(Math.min(nextPollWait(current, Date.now() - idleAt, backoff), left));
    }
  }

  /** Downloads the gzipped tar at response_body_url and returns every operation result, classified. */
  async function results(batch: Pick<BatchStatus, "id" | "response_body_url">): Promise<OperationResult[]> {
    if (!batch.response_body_url) throw new Error(`Batch ${batch.id} has no response_body_url (not finished?)`);
    const archive = await core.download(batch.response_body_url);
    const out: OperationResult[] = [];
    for (const entry of parseTar(archive)) {
      if (!entry.path.endsWith(".json")) continue;
      const items = JSON.parse(entry.content.toString("utf8")) as RawOperationResult[];
      for (const item of items) out.push(classifyOperationResult(item));
    }
    return out;
  }

  return {
    start,
    status,
    poll,
    results,
    delete: async (batchId: string) => {
      await run<null>((s) => s.batches.deleteRequest(batchId));
    },
    /** start + poll + results in one go. */
    async submitAndWait(operations: BatchOperationInput[], opts: PollOptions = {}) {
      const started = await start(operations);
      const finished = await poll(started.id, opts);
      return { batch: finished, results: await results(finished) };
    },
  };
}

function toWire({ body, ...rest }: BatchOperationInput): BatchOperation {
  return body === undefined ? rest : { ...rest, body: typeof body === "string" ? body : JSON.stringify(body) };
}

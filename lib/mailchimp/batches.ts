import { classifyOperationResult, type OperationResult, type RawOperationResult } from "./batch-errors";
import type { MailchimpCore } from "./core";
import type { Runner } from "./runner";
import { parseTar } from "./tar";
import type { BatchOperation, BatchStatus } from "./types";
import { planBatchPoll, startPoll, type BatchObservation, type PollDecision, type PollSettings } from "./batch-poll-plan";

/** An operation whose body may be given as an object; it is sent as the JSON string the API expects. */
export type BatchOperationInput = Omit<BatchOperation, "body"> & { body?: string | object };

export interface PollOptions {
  /** First wait after submitting; waits without progress grow from it by 1.5x up to maxIntervalMs. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up (throw) on a batch not seen working this long after submission. Default 30 minutes. */
  startTimeoutMs?: number;
  /** Give up (throw) on a working batch whose finished operations have not moved for this long. Default 5 minutes. */
  stallMs?: number;
  /** The clock and the wait, injectable so tests script time instead of spending it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onStatus?: (status: BatchStatus) => void;
  /** Each decision with the observation it was made on (logs, tests). */
  onDecision?: (decision: PollDecision, observation: BatchObservation) => void;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pollSettings(opts: PollOptions): PollSettings {
  return {
    intervalMs: opts.intervalMs ?? 1_000,
    maxIntervalMs: opts.maxIntervalMs ?? 30_000,
    startTimeoutMs: opts.startTimeoutMs ?? 30 * 60_000,
    stallMs: opts.stallMs ?? 5 * 60_000,
  };
}

export function createBatchesApi(run: Runner, core: MailchimpCore) {
  const start = (operations: BatchOperationInput[]) =>
    run<BatchStatus>((s) => s.batches.start({ operations: operations.map(toWire) }));
  const status = (batchId: string) => run<BatchStatus>((s) => s.batches.status(batchId));

  /** Waits for a submitted batch as planBatchPoll decides (see there for why it looks when it does). */
  async function poll(batchId: string, opts: PollOptions = {}): Promise<BatchStatus> {
    const sleep = opts.sleep ?? sleepFor;
    const now = opts.now ?? Date.now;
    const settings = pollSettings(opts);
    let state = startPoll(now(), settings);
    await sleep(settings.intervalMs);
    for (;;) {
      const current = await status(batchId);
      opts.onStatus?.(current);
      const observation = { at: now(), status: current.status, done: current.finished_operations ?? 0, total: current.total_operations ?? 0 };
      const next = planBatchPoll(state, observation, settings);
      opts.onDecision?.(next.decision, observation);
      if (next.decision.kind === "done") return current;
      if (next.decision.kind === "give_up") throw new Error(`Batch ${batchId}: ${next.decision.message}`);
      state = next.state;
      await sleep(next.decision.ms);
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

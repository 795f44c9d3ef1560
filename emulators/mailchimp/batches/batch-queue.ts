import type { Emulator, Service } from "../core/emulator.js";
import { callCostMs } from "../core/delay.js";
import { mailchimpTime } from "../core/time.js";
import { dispatch } from "../http/dispatch.js";
import type { BatchOperation, BatchRecord, BatchStatus } from "./batch-types.js";
import { gzipTar } from "./tar.js";

// Runs /batches jobs in the background, one at a time for the account, each operation through the same
// dispatcher (and at the same simulated cost) as a direct call.

const OPERATIONS_PER_FILE = 500;

interface OperationResult {
  status_code: number;
  operation_id: string | null;
  response: string;
}

export class BatchQueue implements Service {
  private running = false;
  private generation = 0;

  constructor(private readonly emulator: Emulator) {}

  private get clock() {
    return this.emulator.options.batchClock;
  }

  pendingCount(): number {
    let n = 0;
    for (const b of this.emulator.account.batches.values()) if (b.status === "pending") n += 1;
    return n;
  }

  submit(operations: BatchOperation[]): BatchRecord {
    const batch: BatchRecord = {
      id: this.emulator.random.hex(10), status: "pending", operations, total_operations: operations.length,
      finished_operations: 0, errored_operations: 0, submitted_at: mailchimpTime(this.clock.now()),
      completed_at: "", response_body_url: "", status_history: ["pending"], cancelled: false,
    };
    this.emulator.account.batches.set(batch.id, batch);
    setImmediate(() => void this.drain(this.generation));
    return batch;
  }

  private async drain(generation: number): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (generation !== this.generation) return;
        const next = [...this.emulator.account.batches.values()].find((b) => b.status === "pending" && !b.cancelled);
        if (!next) return;
        await this.run(next, generation);
      }
    } finally {
      this.running = false;
    }
  }

  private async run(batch: BatchRecord, generation: number): Promise<void> {
    const phase = this.emulator.options.batchPhaseMs;
    const move = (status: BatchStatus): void => {
      batch.status = status;
      batch.status_history.push(status);
    };
    move("preprocessing");
    await this.clock.sleep(phase);
    move("started");
    const results: OperationResult[] = [];
    for (const op of batch.operations) {
      if (batch.cancelled || generation !== this.generation) return;
      const result = await this.execute(op);
      results.push(result);
      batch.finished_operations += 1;
      if (result.status_code >= 400) batch.errored_operations += 1;
    }
    move("finalizing");
    await this.clock.sleep(phase);
    const files = [];
    for (let i = 0; i < results.length; i += OPERATIONS_PER_FILE) {
      files.push({ name: `${batch.id}/${this.emulator.random.hex(10)}.json`, content: Buffer.from(JSON.stringify(results.slice(i, i + OPERATIONS_PER_FILE))) });
    }
    this.emulator.account.batchResults.set(batch.id, gzipTar(files, this.clock.now()));
    batch.response_body_url = `${this.emulator.publicOrigin}/_emulator/batch-results/${batch.id}.tar.gz`;
    batch.completed_at = mailchimpTime(this.clock.now());
    move("finished");
  }

  private async execute(op: BatchOperation): Promise<OperationResult> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(op.params ?? {})) query.set(k, Array.isArray(v) ? v.join(",") : String(v));
    const [path = "", inlineQuery = ""] = op.path.split("?");
    for (const [k, v] of new URLSearchParams(inlineQuery)) query.set(k, v);
    const emulator = this.emulator;
    const result = await dispatch(emulator, {
      method: op.method, path, query, rawBody: op.body, source: "api",
      beforeHandle: (records) => this.clock.sleep(callCostMs(emulator, records)),
    });
    emulator.stats.request(`BATCH ${result.routeKey}`, result.records);
    if (result.problem) emulator.stats.error(result.problem.status, result.problem.title);
    return { status_code: result.status, operation_id: op.operation_id ?? null, response: result.body === undefined ? "" : JSON.stringify(result.body) };
  }

  reset(): void {
    this.generation += 1;
  }

  close(): void {
    this.generation += 1;
  }
}

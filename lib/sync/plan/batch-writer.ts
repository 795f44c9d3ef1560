import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/sync/policy";
import type { PlannedRecord } from "@/lib/sync/types";
import { forgetPrismaQueryLog } from "./prisma-query-log";

type Kind = "subscribe_new" | "upsert_existing";

interface OpenBatch {
  audiences: Set<string>;
  records: PlannedRecord[];
  ops: number;
}

/**
 * New members of an audience fewer than this ride in the run's /batches submission (a PUT with status_if_new
 * creates them) when there is one anyway: a batch subscribe request of its own would cost a connection and a
 * request for a handful of members. The /batches pays ~2 background operations per member instead.
 */
export const SMALL_SUBSCRIBE = 100;

/**
 * Cuts planned records into sync_batches rows as they stream by (records arrive sorted by audience).
 * subscribe_new batches are one audience each, up to subscribeBatchSize members (one POST /lists/{id});
 * upsert_existing batches take every audience, up to upsertOpsPerBatch operations (a PUT per payload, a tags POST
 * per tag change), so a run's changes usually travel in a single /batches submission. A dry run counts without
 * writing.
 */
export class BatchWriter {
  batches = 0;
  private seq = 0;
  private upsertsWritten = 0;
  private readonly open = new Map<Kind, OpenBatch>();
  /** Small groups of new members, held until finish() knows whether a /batches submission exists to carry them. */
  private readonly smallNew: PlannedRecord[][] = [];

  constructor(
    private readonly prisma: PrismaClient,
    private readonly runId: string,
    private readonly policy: Policy,
    private readonly dryRun: boolean,
    /** Called with each batch as soon as its row is committed, so sending starts while planning goes on. */
    private readonly onBatch?: (batchId: string) => Promise<void>,
    /** A re-planning attempt numbers its batches after those an earlier attempt already handed out. */
    firstSeq = 0,
  ) {
    this.seq = firstSeq;
  }

  async add(kind: Kind, record: PlannedRecord): Promise<void> {
    if (kind === "upsert_existing") return this.addUpsert(record);
    let batch = this.open.get(kind);
    if (batch && !batch.audiences.has(record.audienceId)) {
      await this.closeSubscribe();
      batch = undefined;
    }
    if (batch && batch.ops + 1 > this.policy.batching.subscribeBatchSize) await this.flush(kind);
    this.push(kind, record, 1);
  }

  async finish(): Promise<void> {
    await this.closeSubscribe();
    const carrier = this.upsertsWritten > 0 || this.open.has("upsert_existing");
    for (const group of this.smallNew.splice(0)) {
      if (carrier) for (const record of group) await this.addUpsert(record);
      else {
        for (const record of group) this.push("subscribe_new", record, 1);
        await this.flush("subscribe_new");
      }
    }
    await this.flush("upsert_existing");
  }

  private async addUpsert(record: PlannedRecord): Promise<void> {
    const ops = operations(record);
    const open = this.open.get("upsert_existing");
    if (open && open.ops + ops > this.policy.batching.upsertOpsPerBatch) await this.flush("upsert_existing");
    this.push("upsert_existing", record, ops);
  }

  private push(kind: Kind, record: PlannedRecord, ops: number): void {
    let batch = this.open.get(kind);
    if (!batch) {
      batch = { audiences: new Set(), records: [], ops: 0 };
      this.open.set(kind, batch);
    }
    batch.audiences.add(record.audienceId);
    batch.records.push(record);
    batch.ops += ops;
  }

  /** An audience's last subscribe batch: sent, unless it is small enough to wait for the run's /batches. */
  private async closeSubscribe(): Promise<void> {
    const batch = this.open.get("subscribe_new");
    if (batch && batch.records.length < SMALL_SUBSCRIBE && batch.records.length > 0) {
      this.open.delete("subscribe_new");
      this.smallNew.push(batch.records);
      return;
    }
    await this.flush("subscribe_new");
  }

  private async flush(kind: Kind): Promise<void> {
    const batch = this.open.get(kind);
    this.open.delete(kind);
    if (!batch || batch.records.length === 0) return;
    this.batches++;
    this.seq++;
    if (kind === "upsert_existing") this.upsertsWritten++;
    const audienceId = batch.audiences.size === 1 ? [...batch.audiences][0] : null;
    if (this.dryRun) return;
    // Raw SQL with the records as one JSON text parameter: Prisma's argument walker is slow on large
    // nested JSON values (most of the write time at 100k partners).
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `INSERT INTO sync_batches (id, run_id, seq, audience_id, kind, record_count, records)
       VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4::"BatchKind", $5, $6::jsonb) RETURNING id::text`,
      this.runId,
      this.seq,
      audienceId,
      kind,
      batch.records.length,
      JSON.stringify(batch.records),
    );
    // The statement carried the whole batch: keep it out of Prisma's debug history (prisma-query-log.ts).
    forgetPrismaQueryLog();
    if (row) await this.onBatch?.(row.id);
  }
}

/** A record with nothing to change still counts one: the runtime must at least record its outcome. */
function operations(r: PlannedRecord): number {
  const ops = (r.payload ? 1 : 0) + (r.tagsToAdd.length + r.tagsToRemove.length > 0 ? 1 : 0);
  return Math.max(1, ops);
}

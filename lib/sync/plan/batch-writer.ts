import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/sync/policy";
import type { PlannedRecord } from "@/lib/sync/types";

type Kind = "subscribe_new" | "upsert_existing";

/**
 * Cuts planned records into sync_batches rows as they stream by (records arrive sorted by audience, so at
 * most one open batch per kind is held). subscribe_new batches hold up to subscribeBatchSize members (one
 * POST /lists/{id}); upsert_existing batches up to upsertOpsPerBatch operations (a PUT per payload, a tags
 * POST per tag change). A dry run counts without writing.
 */
export class BatchWriter {
  batches = 0;
  private seq = 0;
  private open = new Map<Kind, { audienceId: string; records: PlannedRecord[]; ops: number }>();

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

  async add(audienceId: string, kind: Kind, record: PlannedRecord): Promise<void> {
    let batch = this.open.get(kind);
    if (batch && batch.audienceId !== audienceId) {
      await this.flush(kind);
      batch = undefined;
    }
    const ops = kind === "subscribe_new" ? 1 : operations(record);
    const limit = kind === "subscribe_new" ? this.policy.batching.subscribeBatchSize : this.policy.batching.upsertOpsPerBatch;
    if (batch && batch.ops + ops > limit) {
      await this.flush(kind);
      batch = undefined;
    }
    if (!batch) {
      batch = { audienceId, records: [], ops: 0 };
      this.open.set(kind, batch);
    }
    batch.records.push(record);
    batch.ops += ops;
  }

  async finish(): Promise<void> {
    await this.flush("subscribe_new");
    await this.flush("upsert_existing");
  }

  private async flush(kind: Kind): Promise<void> {
    const batch = this.open.get(kind);
    this.open.delete(kind);
    if (!batch || batch.records.length === 0) return;
    this.batches++;
    this.seq++;
    if (this.dryRun) return;
    // Raw SQL with the records as one JSON text parameter: Prisma's argument walker is slow on large
    // nested JSON values (most of the write time at 100k partners).
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `INSERT INTO sync_batches (id, run_id, seq, audience_id, kind, record_count, records)
       VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4::"BatchKind", $5, $6::jsonb) RETURNING id::text`,
      this.runId,
      this.seq,
      batch.audienceId,
      kind,
      batch.records.length,
      JSON.stringify(batch.records),
    );
    if (row) await this.onBatch?.(row.id);
  }
}

/** A record with nothing to change still counts one: the runtime must at least record its outcome. */
function operations(r: PlannedRecord): number {
  const ops = (r.payload ? 1 : 0) + (r.tagsToAdd.length + r.tagsToRemove.length > 0 ? 1 : 0);
  return Math.max(1, ops);
}

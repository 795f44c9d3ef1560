import type { KnownMemberStatus } from "@/lib/consent";
import { executeCommerceBatch } from "@/lib/commerce/run-step";
import type { SyncBatch, SyncRun } from "@/lib/generated/prisma/client";
import type { PlannedRecord } from "@/lib/sync/types";
import { subscribeNew } from "./execute/subscribe-new";
import type { ExecuteContext, RecordOutcome } from "./execute/types";
import { upsertExisting } from "./execute/upsert-existing";
import type { Runtime } from "./runtime";

/** Full runs are backfills; incremental runs carry live changes and go first when connections are scarce. */
export async function executeBatch(rt: Runtime, run: Pick<SyncRun, "id" | "mode" | "cursorFrom" | "scope">, batch: SyncBatch): Promise<RecordOutcome[]> {
  if (batch.kind === "commerce") {
    await executeCommerceBatch(rt, run, batch);
    return [];
  }
  const records = batch.records as unknown as PlannedRecord[];
  // What Mailchimp last told us about these members (webhooks, polls, earlier runs) feeds the consent firewall.
  const seen = await rt.prisma.$queryRaw<Array<{ audience_id: string; email: string; member_status: string }>>`
    SELECT s.audience_id, s.email, s.member_status FROM sync_records s
    JOIN unnest(${records.map((r) => r.audienceId)}::text[], ${records.map((r) => r.email)}::text[]) AS k(audience_id, email)
      ON s.audience_id = k.audience_id AND s.email = k.email
    WHERE s.member_status IS NOT NULL`;
  const statuses = new Map(seen.map((s) => [`${s.audience_id}|${s.email}`, s.member_status as KnownMemberStatus]));
  // Throttles and other retried failures are counted on the run: the throttle and error alerts read them.
  const met = { throttles: 0, retries: 0 };
  const retry = {
    ...rt.retry,
    onRetry: (info: Parameters<NonNullable<typeof rt.retry.onRetry>>[0]) => {
      if (info.error.kind === "throttle") met.throttles++;
      else met.retries++;
      rt.retry.onRetry?.(info);
    },
  };
  const ctx: ExecuteContext = {
    client: rt.mailchimp.withPriority(run.mode === "full" ? "backfill" : "live"),
    retry,
    poll: rt.poll,
    shouldStop: async () => (await rt.prisma.syncRun.findUnique({ where: { id: run.id }, select: { status: true } }))?.status === "cancelled",
    knownBatchId: batch.mailchimpBatchId,
    knownStatus: (record) => statuses.get(`${record.audienceId}|${record.email}`) ?? null,
    rememberBatchId: async (mailchimpBatchId) => {
      await rt.prisma.syncBatch.update({ where: { id: batch.id }, data: { mailchimpBatchId } });
    },
  };
  try {
    if (batch.kind === "upsert_existing") return await upsertExisting(ctx, records);
    if (!batch.audienceId) throw new Error(`subscribe_new batch ${batch.id} has no audience`);
    return await subscribeNew({ ...ctx, audienceId: batch.audienceId }, records);
  } finally {
    if (met.throttles + met.retries > 0) {
      await rt.prisma.syncRun.update({ where: { id: run.id }, data: { throttles: { increment: met.throttles }, retries: { increment: met.retries } } });
    }
  }
}

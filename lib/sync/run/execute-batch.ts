import type { KnownMemberStatus } from "@/lib/consent";
import type { SyncBatch, SyncRun } from "@/lib/generated/prisma/client";
import type { PlannedRecord } from "@/lib/sync/types";
import { subscribeNew } from "./execute/subscribe-new";
import type { ExecuteContext, RecordOutcome } from "./execute/types";
import { upsertExisting } from "./execute/upsert-existing";
import type { Runtime } from "./runtime";

/** Full runs are backfills; incremental runs carry live changes and go first when connections are scarce. */
export async function executeBatch(rt: Runtime, run: Pick<SyncRun, "id" | "mode">, batch: SyncBatch): Promise<RecordOutcome[]> {
  const records = batch.records as unknown as PlannedRecord[];
  // What Mailchimp last told us about these members (webhooks, polls, earlier runs) feeds the consent firewall.
  const seen = await rt.prisma.syncRecord.findMany({
    where: { audienceId: batch.audienceId, email: { in: records.map((r) => r.email) }, memberStatus: { not: null } },
    select: { email: true, memberStatus: true },
  });
  const statuses = new Map(seen.map((s) => [s.email, s.memberStatus as KnownMemberStatus]));
  const ctx: ExecuteContext = {
    client: rt.mailchimp.withPriority(run.mode === "full" ? "backfill" : "live"),
    audienceId: batch.audienceId,
    retry: rt.retry,
    poll: rt.poll,
    shouldStop: async () => (await rt.prisma.syncRun.findUnique({ where: { id: run.id }, select: { status: true } }))?.status === "cancelled",
    knownBatchId: batch.mailchimpBatchId,
    knownStatus: (email) => statuses.get(email) ?? null,
    rememberBatchId: async (mailchimpBatchId) => {
      await rt.prisma.syncBatch.update({ where: { id: batch.id }, data: { mailchimpBatchId } });
    },
  };
  return batch.kind === "subscribe_new" ? subscribeNew(ctx, records) : upsertExisting(ctx, records);
}

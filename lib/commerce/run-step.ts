import type { SyncBatch, SyncRun } from "@/lib/generated/prisma/client";
import { getActivePolicy } from "@/lib/sync/policy";
import type { Tx } from "@/lib/sync/run/db";
import type { Runtime } from "@/lib/sync/run/runtime";
import { MergeFieldEnsurer } from "@/lib/sync/run/merge-fields";
import { ENGINE_MERGE_FIELDS } from "@/lib/sync/policy/merge-fields";
import { hasOrderRepair, parseRunScope } from "@/lib/sync/run/run-scope";
import { PURCHASE_MERGE_FIELDS } from "./purchase-data";
import { runCommerceStep } from "./run-commerce";

/**
 * How a sync run carries its e-commerce step: planning marks the run (summary.commerce.pending) when the policy
 * enables commerce; once every member batch is done, finalizeIfDone adds one 'commerce' batch instead of ending
 * the run, and that batch (queued, locked, retried, paused and cancelled like any other) runs the step. Members
 * therefore always land first, and the run ends when the step does.
 */
export function commerceEnabled(policy: unknown): boolean {
  const commerce = (policy as { commerce?: { enabled?: unknown } } | null)?.commerce;
  return commerce?.enabled === true;
}

/** Inside finalizeIfDone's transaction (run row locked): true when the step was just added and the run must go on. */
export async function addCommerceStepIfDue(tx: Tx, runId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ pending: boolean; has_step: boolean; next_seq: number }>>`
    SELECT coalesce((r.summary -> 'commerce' ->> 'pending')::boolean, false) AS pending,
      EXISTS (SELECT 1 FROM sync_batches b WHERE b.run_id = r.id AND b.kind = 'commerce') AS has_step,
      coalesce((SELECT max(seq) FROM sync_batches b WHERE b.run_id = r.id), -1)::int + 1 AS next_seq
    FROM sync_runs r WHERE r.id = ${runId}::uuid`;
  const row = rows[0];
  if (!row || !row.pending || row.has_step) return false;
  await tx.syncBatch.create({ data: { runId, seq: row.next_seq, kind: "commerce", audienceId: null, recordCount: 0, records: [] } });
  return true;
}

/** The step, as the batch job of kind 'commerce' runs it. Its summary lands in sync_runs.summary.commerce. */
export async function executeCommerceBatch(rt: Runtime, run: Pick<SyncRun, "id" | "mode" | "cursorFrom" | "scope">, batch: SyncBatch): Promise<void> {
  const active = await getActivePolicy(rt.prisma);
  if (!active || !active.policy.commerce.enabled) return;
  const overlapMs = active.policy.batching.overlapSeconds * 1000;
  const scope = parseRunScope(run.scope);
  const repair = hasOrderRepair(scope) ? scope.orders : undefined;
  const since = run.mode === "incremental" && run.cursorFrom && !repair ? new Date(run.cursorFrom.getTime() - overlapMs) : null;
  const summary = await runCommerceStep({
    prisma: rt.prisma, odoo: rt.odoo, client: rt.mailchimp.withPriority(run.mode === "full" ? "backfill" : "live"), retry: rt.retry, poll: rt.poll,
    runId: run.id, mode: run.mode, since, settings: active.policy.commerce, log: rt.log, ...(repair ? { repair } : {}),
    shouldStop: async () => (await rt.prisma.syncRun.findUnique({ where: { id: run.id }, select: { status: true } }))?.status === "cancelled",
  });
  await rt.prisma.$executeRaw`
    UPDATE sync_runs SET summary = summary || jsonb_build_object('commerce', ${JSON.stringify({ pending: false, ...summary })}::jsonb)
    WHERE id = ${run.id}::uuid`;
  await rt.prisma.syncBatch.update({ where: { id: batch.id }, data: { recordCount: summary.ordersCreated + summary.ordersUpdated } });
}

const withPurchaseFields = new WeakMap<Runtime, MergeFieldEnsurer>();

/**
 * The merge fields a run with purchase data needs: the engine's and the purchase fields (LTV, NETORDERS, ...) in one
 * ensurer, so a fresh audience costs one merge-field read and one /batches for both sets, not two of each (a memo of
 * its own: an audience set up without purchase data is checked again when commerce is switched on).
 */
export function mergeFieldsWithPurchaseData(rt: Runtime): MergeFieldEnsurer {
  let ensurer = withPurchaseFields.get(rt);
  if (!ensurer) {
    ensurer = new MergeFieldEnsurer(rt.mailchimp, { retry: rt.retry, poll: rt.poll, prisma: rt.prisma, memo: "with-purchase" }, [...ENGINE_MERGE_FIELDS, ...PURCHASE_MERGE_FIELDS]);
    withPurchaseFields.set(rt, ensurer);
  }
  return ensurer;
}

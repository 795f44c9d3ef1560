import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { PlanProgress } from "@/lib/sync/plan/plan-progress";
import { describeRunProgress, type PhaseProgress } from "./describe-run-progress";
import { ACTIVE_RUN_STATUSES } from "./list-runs";

export interface RunProgressView {
  runId: string;
  status: string;
  active: boolean;
  phases: PhaseProgress[];
}

/** One run's progress bars: the run row and one aggregate over its batches (indexed by run_id, seq). */
export async function loadRunProgress(runId: string, o: { prisma?: PrismaClient; now?: Date } = {}): Promise<RunProgressView | null> {
  const prisma = o.prisma ?? getPrisma();
  const now = o.now ?? new Date();
  const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { id: true, status: true, startedAt: true, finishedAt: true, progress: true, dryRun: true } });
  if (!run) return null;
  // Member batches make the sending and checking bars; the e-commerce step (one batch that writes a run's
  // orders after its members) has a bar of its own.
  const [b] = await prisma.$queryRaw<Array<{ records: bigint | null; handed_over: bigint | null; settled: bigint | null; first_started_at: Date | null; commerce: string | null; orders: number | null; commerce_started_at: Date | null; commerce_finished_at: Date | null }>>`
    SELECT sum(record_count) FILTER (WHERE kind <> 'commerce') AS records,
           sum(record_count) FILTER (WHERE kind <> 'commerce' AND (mailchimp_batch_id IS NOT NULL OR status IN ('succeeded', 'failed', 'cancelled'))) AS handed_over,
           sum(sent_count + failed_count) FILTER (WHERE kind <> 'commerce') AS settled,
           min(started_at) FILTER (WHERE kind <> 'commerce') AS first_started_at,
           max(status::text) FILTER (WHERE kind = 'commerce') AS commerce,
           max(record_count) FILTER (WHERE kind = 'commerce') AS orders,
           max(started_at) FILTER (WHERE kind = 'commerce') AS commerce_started_at,
           max(finished_at) FILTER (WHERE kind = 'commerce') AS commerce_finished_at
    FROM sync_batches WHERE run_id = ${runId}::uuid`;
  const batches = { records: Number(b?.records ?? 0), handedOver: Number(b?.handed_over ?? 0), settled: Number(b?.settled ?? 0), firstStartedAt: b?.first_started_at ?? null };
  const commerce = b?.commerce ? { status: b.commerce, orders: b.orders ?? 0, startedAt: b.commerce_started_at, finishedAt: b.commerce_finished_at } : null;
  const active = (ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status);
  // Write-backs to Odoo created while the run was active (consent flows all the time, beside runs).
  const [c] = run.startedAt && !run.dryRun ? await prisma.$queryRaw<Array<{ total: number; settled: number }>>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE status <> 'pending')::int AS settled FROM consent_writebacks
    WHERE created_at >= ${run.startedAt} AND (${run.finishedAt}::timestamptz IS NULL OR created_at <= ${run.finishedAt}::timestamptz)` : [];
  const consent = c ? { total: c.total, settled: c.settled, startedAt: run.startedAt } : null;
  const phases = describeRunProgress({ status: run.status, startedAt: run.startedAt, progress: run.progress as Partial<PlanProgress>, batches, commerce, consent }, now);
  return { runId: run.id, status: run.status, active, phases };
}

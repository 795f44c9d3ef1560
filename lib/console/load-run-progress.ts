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
  const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { id: true, status: true, startedAt: true, progress: true } });
  if (!run) return null;
  const [b] = await prisma.$queryRaw<Array<{ records: bigint | null; handed_over: bigint | null; settled: bigint | null; first_started_at: Date | null }>>`
    SELECT sum(record_count) AS records,
           sum(record_count) FILTER (WHERE mailchimp_batch_id IS NOT NULL OR status IN ('succeeded', 'failed', 'cancelled')) AS handed_over,
           sum(sent_count + failed_count) AS settled,
           min(started_at) AS first_started_at
    FROM sync_batches WHERE run_id = ${runId}::uuid`;
  const batches = { records: Number(b?.records ?? 0), handedOver: Number(b?.handed_over ?? 0), settled: Number(b?.settled ?? 0), firstStartedAt: b?.first_started_at ?? null };
  const active = (ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status);
  const phases = describeRunProgress({ status: run.status, startedAt: run.startedAt, progress: run.progress as Partial<PlanProgress>, batches }, now);
  return { runId: run.id, status: run.status, active, phases };
}

import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { zeroGapCounts, type GapKind } from "@/lib/reconcile/gap-kinds";

export interface AudienceGaps {
  audienceId: string;
  members: number;
  expected: number;
  byStatus: Record<string, number>;
  gaps: Record<GapKind, number>;
}

/** The Reconciliation header: the pass shown (latest succeeded), the one running if any, and per-audience counts. */
export async function reconcileSummary() {
  const prisma = getPrisma();
  const [shown, active, lastFailed, anyRun] = await Promise.all([
    latestPass(prisma),
    prisma.reconcilePass.findFirst({ where: { status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } }),
    prisma.reconcilePass.findFirst({ where: { status: "failed" }, orderBy: { createdAt: "desc" } }),
    prisma.syncRun.findFirst({ where: { dryRun: false }, select: { id: true } }),
  ]);
  const rows = shown ? await prisma.reconcileAudience.findMany({ where: { passId: shown.id }, orderBy: { audienceId: "asc" } }) : [];
  const audiences: AudienceGaps[] = rows.map((a) => ({
    audienceId: a.audienceId, members: a.members, expected: a.expected,
    byStatus: a.byStatus as Record<string, number>,
    gaps: { ...zeroGapCounts(), ...(a.gaps as Record<string, number>) },
  }));
  const pass = (p: typeof shown) => p && {
    id: p.id, status: p.status, trigger: p.trigger, createdAt: p.createdAt, startedAt: p.startedAt, finishedAt: p.finishedAt, requests: p.requests, oldestPendingAt: p.oldestPendingAt, error: p.error,
    /** Bridgeline's stores the pass read orders from (0: no commerce sync yet, so no order kinds to show). */
    stores: ((p.summary ?? {}) as { commerce?: { stores?: string[] } }).commerce?.stores?.length ?? 0,
  };
  return {
    shown: pass(shown),
    active: pass(active),
    // A failure newer than what is shown is worth saying: the numbers shown are older than the attempt.
    failed: lastFailed && (!shown || lastFailed.createdAt > shown.createdAt) ? pass(lastFailed) : null,
    hasRun: anyRun !== null,
    audiences,
  };
}

export type ReconcileSummary = Awaited<ReturnType<typeof reconcileSummary>>;

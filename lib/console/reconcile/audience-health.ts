import { getPrisma } from "@/lib/db/client";
import { decideReadiness, type Reason, type Verdict } from "@/lib/reconcile/health/send-readiness";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { getActivePolicy } from "@/lib/sync/policy";

export interface AudienceHealthCard {
  audienceId: string;
  verdict: Verdict;
  reasons: Reason[];
  members: number | null;
  byStatus: Record<string, number>;
  expected: number | null;
  gaps: Record<string, number>;
  openExceptions: number;
  pendingWritebacks: number;
}

/** How many passes the trend shows. */
const TREND_PASSES = 30;

/**
 * Marketing's view on the Overview: a send-readiness verdict per routed audience with its reasons, members by
 * status, and the trend of members and gaps over the last passes. Reads small tables only (reconcile_audiences,
 * counts by indexed columns), so it answers fast whatever the number of members.
 */
export async function audienceHealth(now = new Date()) {
  const prisma = getPrisma();
  const [policy, pass, lastSync, failed, exceptions, writebacks] = await Promise.all([
    getActivePolicy(prisma),
    latestPass(prisma),
    prisma.syncRun.findFirst({ where: { dryRun: false, status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    prisma.reconcilePass.findFirst({ where: { status: "failed" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    prisma.syncException.groupBy({ by: ["audienceId"], where: { status: "open" }, _count: { _all: true } }),
    prisma.consentWriteback.groupBy({ by: ["audienceId"], where: { status: "pending" }, _count: { _all: true } }),
  ]);
  const stats = pass ? await prisma.reconcileAudience.findMany({ where: { passId: pass.id } }) : [];
  const routed = policy ? policy.policy.routing.rules.map((r) => r.audienceId) : [];
  const ids = [...new Set([...routed, ...stats.map((s) => s.audienceId)])].sort();
  const count = (rows: { audienceId: string | null; _count: { _all: number } }[], id: string | null) => rows.find((r) => r.audienceId === id)?._count._all ?? 0;
  const cards: AudienceHealthCard[] = ids.map((audienceId) => {
    const s = stats.find((x) => x.audienceId === audienceId);
    const gaps = (s?.gaps ?? {}) as Record<string, number>;
    const facts = {
      lastSyncAt: lastSync?.finishedAt ?? null,
      lastReadBackAt: s ? (pass?.finishedAt ?? null) : null,
      readBackFailedSince: !!failed && !!pass && failed.createdAt > pass.createdAt,
      oldestPendingAt: pass?.oldestPendingAt ?? null,
      expected: s?.expected ?? 0,
      gaps,
      openExceptions: count(exceptions, audienceId),
      pendingWritebacks: count(writebacks, audienceId),
    };
    return { audienceId, ...decideReadiness(facts, now), members: s?.members ?? null, byStatus: (s?.byStatus ?? {}) as Record<string, number>, expected: s?.expected ?? null, gaps, openExceptions: facts.openExceptions, pendingWritebacks: facts.pendingWritebacks };
  });
  return {
    lastSyncAt: lastSync?.finishedAt ?? null,
    lastReadBackAt: pass?.finishedAt ?? null,
    oldestPendingAt: pass?.oldestPendingAt ?? null,
    unroutedExceptions: count(exceptions, null),
    cards,
    trend: await trend(ids),
  };
}

export type AudienceHealth = Awaited<ReturnType<typeof audienceHealth>>;

/** Members and gaps of ours (Mailchimp-only members excluded) per audience, for the last passes, oldest first. */
async function trend(audienceIds: string[]) {
  const rows = await getPrisma().$queryRaw<{ pass_id: string; at: Date; audience_id: string; members: number; gaps: number }[]>`
    SELECT p.id::text AS pass_id, p.finished_at AS at, a.audience_id, a.members,
           (SELECT coalesce(sum(value::int), 0)::int FROM jsonb_each_text(a.gaps) WHERE key <> 'mailchimp_only') AS gaps
    FROM (SELECT id, finished_at FROM reconcile_passes WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT ${TREND_PASSES}) p
    JOIN reconcile_audiences a ON a.pass_id = p.id
    WHERE a.audience_id = ANY(${audienceIds}::text[])
    ORDER BY p.finished_at, a.audience_id`;
  return rows.map((r) => ({ passId: r.pass_id, at: r.at.toISOString(), audienceId: r.audience_id, members: r.members, gaps: r.gaps }));
}

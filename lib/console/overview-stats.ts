import { getPrisma } from "@/lib/db/client";

export interface AudienceHealth {
  audienceId: string;
  synced: number;
  failed: number;
  exception: number;
  excluded: number;
  unsubscribedOrCleaned: number;
}

/** Numbers for the overview: the last runs, per-audience record outcomes and the open exception count. */
export async function overviewStats() {
  const prisma = getPrisma();
  const [lastRun, lastSuccess, grouped, memberStates, openExceptions] = await Promise.all([
    prisma.syncRun.findFirst({ where: { dryRun: false }, orderBy: { createdAt: "desc" } }),
    prisma.syncRun.findFirst({ where: { dryRun: false, status: "succeeded" }, orderBy: { finishedAt: "desc" } }),
    prisma.syncRecord.groupBy({ by: ["audienceId", "lastStatus"], _count: { _all: true } }),
    prisma.syncRecord.groupBy({
      by: ["audienceId"],
      where: { memberStatus: { in: ["unsubscribed", "cleaned"] } },
      _count: { _all: true },
    }),
    prisma.syncException.count({ where: { status: "open" } }),
  ]);
  const audiences = new Map<string, AudienceHealth>();
  const entry = (id: string) => {
    let a = audiences.get(id);
    if (!a) audiences.set(id, (a = { audienceId: id, synced: 0, failed: 0, exception: 0, excluded: 0, unsubscribedOrCleaned: 0 }));
    return a;
  };
  for (const g of grouped) entry(g.audienceId)[g.lastStatus] = g._count._all;
  for (const m of memberStates) entry(m.audienceId).unsubscribedOrCleaned = m._count._all;
  return { lastRun, lastSuccess, audiences: [...audiences.values()].sort((a, b) => a.audienceId.localeCompare(b.audienceId)), openExceptions };
}

import { getPrisma } from "@/lib/db/client";
import { countSyncRecords } from "./count-sync-records";
import { latestRun } from "./list-runs";

export interface AudienceHealth {
  audienceId: string;
  synced: number;
  failed: number;
  /** Open exceptions that name this audience: what the Exceptions page lists for it. */
  exception: number;
  excluded: number;
  unsubscribedOrCleaned: number;
}

/** Numbers for the overview: the last runs, per-audience record outcomes and the open exception count. */
export async function overviewStats() {
  const prisma = getPrisma();
  const [lastRun, lastSuccess, counts, openByAudience, openExceptions] = await Promise.all([
    latestRun(),
    prisma.syncRun.findFirst({ where: { dryRun: false, status: "succeeded" }, orderBy: { finishedAt: "desc" } }),
    countSyncRecords(prisma),
    prisma.syncException.groupBy({ by: ["audienceId"], where: { status: "open", audienceId: { not: null } }, _count: { _all: true } }),
    prisma.syncException.count({ where: { status: "open" } }),
  ]);
  const audiences = new Map<string, AudienceHealth>();
  const entry = (id: string) => {
    let a = audiences.get(id);
    if (!a) audiences.set(id, (a = { audienceId: id, synced: 0, failed: 0, exception: 0, excluded: 0, unsubscribedOrCleaned: 0 }));
    return a;
  };
  // A record's own "exception" status is not counted: an address held back (a duplicate, a staff address) often
  // has no record at all, while its open exception always names the audience.
  for (const c of counts) {
    const a = entry(c.audienceId);
    if (c.lastStatus !== "exception") a[c.lastStatus] += c.n;
    if (c.optedOut) a.unsubscribedOrCleaned += c.n;
  }
  for (const e of openByAudience) if (e.audienceId) entry(e.audienceId).exception = e._count._all;
  return { lastRun, lastSuccess, audiences: [...audiences.values()].sort((a, b) => a.audienceId.localeCompare(b.audienceId)), openExceptions };
}

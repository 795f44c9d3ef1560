import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StagedGroup } from "@/lib/sync/plan/read-groups";

export type SyncedByEmail = Map<string, Map<string, NonNullable<StagedGroup["synced"]>>>;

/** sync_records of these addresses, by email then audience, in the shape the planner's compare reads them. */
export async function readSyncedByEmail(prisma: PrismaClient, emails: string[]): Promise<SyncedByEmail> {
  const rows = await prisma.syncRecord.findMany({
    where: { email: { in: [...new Set(emails)] } },
    select: { audienceId: true, email: true, payloadHash: true, appliedTags: true, lastStatus: true, refusedHash: true, movedTo: true },
  });
  const out: SyncedByEmail = new Map();
  for (const r of rows) {
    const byAudience = out.get(r.email) ?? new Map();
    byAudience.set(r.audienceId, { payloadHash: r.payloadHash, appliedTags: r.appliedTags, lastStatus: r.lastStatus, refusedHash: r.refusedHash, movedTo: r.movedTo });
    out.set(r.email, byAudience);
  }
  return out;
}

import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Drops the sample details (emails, names) of run summaries whose retention has passed (plan/summary-samples.ts):
 * counts and ids stay. One statement; run as each plan is stored, so it needs no schedule of its own.
 */
export async function purgeSampleDetails(prisma: Pick<PrismaClient, "$executeRaw">, now: Date): Promise<number> {
  return prisma.$executeRaw`
    UPDATE sync_runs
    SET summary = (summary #- '{plan,planner,sampleDetails}') #- '{plan,planner,sampleDetailsUntil}'
    WHERE summary -> 'plan' -> 'planner' ? 'sampleDetails'
      AND (summary -> 'plan' -> 'planner' ->> 'sampleDetailsUntil')::timestamptz < ${now}::timestamptz`;
}

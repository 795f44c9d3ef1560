import { getPrisma } from "@/lib/db/client";

export async function listRuns(limit = 50) {
  return getPrisma().syncRun.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

/** The last run that was meant to change Mailchimp (dry runs left out), whatever its status. */
export async function latestRun() {
  return getPrisma().syncRun.findFirst({ where: { dryRun: false }, orderBy: { createdAt: "desc" } });
}

export async function getRunWithBatches(id: string) {
  return getPrisma().syncRun.findUnique({
    where: { id },
    include: {
      batches: {
        orderBy: { seq: "asc" },
        select: {
          id: true,
          seq: true,
          audienceId: true,
          kind: true,
          status: true,
          recordCount: true,
          sentCount: true,
          failedCount: true,
          attempts: true,
          error: true,
          startedAt: true,
          finishedAt: true,
        },
      },
    },
  });
}

export type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export function runDurationMs(run: { startedAt: Date | null; finishedAt: Date | null }, now = new Date()): number | null {
  if (!run.startedAt) return null;
  return (run.finishedAt ?? now).getTime() - run.startedAt.getTime();
}

export const ACTIVE_RUN_STATUSES = ["queued", "planning", "running", "paused"] as const;

import { getPrisma } from "@/lib/db/client";
import { eachPage } from "@/lib/console/each-page";

export async function listRuns(limit = 50, after?: { createdAt: Date; id: string }) {
  return getPrisma().syncRun.findMany({
    ...(after ? { where: { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } } : {}),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** Every run, newest first, a page at a time (a cron run every few minutes is 100k runs a year). */
export function eachRun(pageSize = 1_000): AsyncIterable<RunRow> {
  return eachPage((after) => listRuns(pageSize, after), pageSize);
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

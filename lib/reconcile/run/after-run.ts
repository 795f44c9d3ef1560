import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PassQueue } from "./jobs";
import { requestPass } from "./request-pass";

/**
 * The runtime's run-finished listener: after a successful full run or repair (targeted) run, read Mailchimp
 * back, so the page shows what the run left (and a repaired gap disappears without anyone asking).
 */
export function readBackAfterRuns(prisma: PrismaClient, queue: () => Promise<PassQueue>) {
  return async (runId: string, status: "succeeded" | "failed"): Promise<void> => {
    if (status !== "succeeded") return;
    const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { mode: true, dryRun: true, scope: true } });
    if (!run || run.dryRun || (run.mode !== "full" && run.scope === null)) return;
    await requestPass(prisma, { trigger: "after_run", afterRunId: runId }, await queue());
  };
}

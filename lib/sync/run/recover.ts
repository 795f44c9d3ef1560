import { dispatchGeneration, dispatchPending } from "./dispatch";
import type { Runtime } from "./runtime";

/**
 * On worker start: a run whose plan job was never sent (the requester died between commit and send), or whose
 * batch jobs were not all sent (the planner died mid-dispatch), gets them now. Job ids are deterministic, so
 * what was already sent is not sent twice.
 */
export async function recoverRuns(rt: Runtime): Promise<void> {
  const runs = await rt.prisma.syncRun.findMany({ where: { status: { in: ["queued", "planning", "running"] } } });
  for (const run of runs) {
    if (run.status === "running") await dispatchPending(rt.prisma, rt.queue, run.id, dispatchGeneration(run.summary));
    else await rt.queue.sendPlan(run.id);
  }
}

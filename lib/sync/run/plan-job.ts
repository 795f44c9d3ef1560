import { ensureAudienceWebhook } from "@/lib/consent";
import { readCursor } from "./cursor";
import { TX_OPTIONS } from "./db";
import { dispatchGeneration, dispatchPending } from "./dispatch";
import { NO_POLICY_MESSAGE } from "./errors";
import { finalizeIfDone } from "./finalize";
import { startHeartbeat } from "./heartbeat";
import type { PlanJobData } from "./jobs";
import type { PlanRunResult } from "./planner-port";
import type { Runtime } from "./runtime";

/**
 * sync.plan: policy -> planner -> batches -> one sync.batch job each. Safe to run again after a crash: a run
 * already planned is only re-dispatched (same job ids), a half-planned one is planned from scratch.
 */
export async function handlePlanJob(rt: Runtime, { runId }: PlanJobData): Promise<void> {
  const run = await rt.prisma.syncRun.findUnique({ where: { id: runId } });
  if (!run) return;
  if (run.status === "running" || run.status === "paused") {
    await dispatchPending(rt.prisma, rt.queue, runId, dispatchGeneration(run.summary));
    return;
  }
  if (run.status !== "queued" && run.status !== "planning") return;
  const startedAt = new Date();
  await rt.prisma.syncRun.update({ where: { id: runId }, data: { status: "planning", startedAt: run.startedAt ?? startedAt } });
  const stopHeartbeat = startHeartbeat(rt.prisma, runId, rt.heartbeatMs, rt.log);
  try {
    const active = await rt.planner.getActivePolicy(rt.prisma);
    if (!active) return await failRun(rt, runId, NO_POLICY_MESSAGE);
    const cursorFrom = run.mode === "incremental" ? await readCursor(rt.prisma) : null;
    // Rows left by an attempt that died mid-planning; nothing was dispatched from them.
    await rt.prisma.syncBatch.deleteMany({ where: { runId } });
    let plan: PlanRunResult;
    try {
      plan = await rt.planner.planRun({
        prisma: rt.prisma, odoo: rt.odoo, policy: active.policy, policyVersion: active.version,
        run: { id: runId, mode: run.mode, dryRun: run.dryRun }, cursorFrom, now: startedAt,
      });
    } catch (err) {
      // The connectors have already retried what is worth retrying: the run cannot be planned now.
      return await failRun(rt, runId, `Planning failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await afterPlanning(rt, runId, run.dryRun, active.version, cursorFrom, plan);
  } finally {
    stopHeartbeat();
  }
}

async function afterPlanning(rt: Runtime, runId: string, dryRun: boolean, policyVersion: number, cursorFrom: Date | null, plan: PlanRunResult): Promise<void> {
  const counters = {
    plannedNew: plan.plannedNew, plannedUpdate: plan.plannedUpdate, unchanged: plan.unchanged,
    excluded: plan.excluded, exceptions: plan.exceptions, policyVersion, cursorFrom, cursorTo: plan.cursorTo,
  };
  const summary = { plan: plan.summary ?? null, dispatchGeneration: 0 } as object;
  if (dryRun) {
    await rt.prisma.syncBatch.updateMany({ where: { runId, status: "pending" }, data: { status: "cancelled" } });
    await rt.prisma.syncRun.updateMany({
      where: { id: runId, status: "planning" },
      data: { ...counters, summary, status: "succeeded", finishedAt: new Date() },
    });
    return;
  }
  const audiences = await rt.prisma.syncBatch.findMany({ where: { runId }, distinct: ["audienceId"], select: { audienceId: true } });
  await rt.mergeFields.ensure(audiences.map((a) => a.audienceId));
  if (rt.webhookUrl) await registerWebhooks(rt, rt.webhookUrl, audiences.map((a) => a.audienceId));
  const started = await rt.prisma.$transaction(async (tx) => {
    const moved = await tx.syncRun.updateMany({ where: { id: runId, status: "planning" }, data: { ...counters, summary, status: "running" } });
    if (moved.count === 0) return false;
    await finalizeIfDone(tx, runId);
    return true;
  }, TX_OPTIONS);
  if (!started) {
    // Cancelled while planning: nothing of this plan may be sent.
    await rt.prisma.syncBatch.updateMany({ where: { runId, status: "pending" }, data: { status: "cancelled" } });
    return;
  }
  const sent = await dispatchPending(rt.prisma, rt.queue, runId, 0);
  rt.log.info({ runId, batches: sent, plannedNew: plan.plannedNew, plannedUpdate: plan.plannedUpdate }, "run planned");
}

async function failRun(rt: Runtime, runId: string, error: string): Promise<void> {
  await rt.prisma.syncRun.updateMany({
    where: { id: runId, status: { in: ["queued", "planning"] } },
    data: { status: "failed", error, finishedAt: new Date() },
  });
  rt.log.warn({ runId, error }, "run failed before sending anything");
}

/**
 * Consent flows back through the audience webhook (user and admin sources only, so our own writes never echo).
 * A failure here does not stop the run: the consent page's webhook audit shows it and polling covers the gap.
 */
async function registerWebhooks(rt: Runtime, url: string, audienceIds: string[]): Promise<void> {
  for (const audienceId of audienceIds) {
    try {
      const result = await ensureAudienceWebhook(rt.mailchimp.withPriority("consent"), audienceId, url);
      rt.log.info({ ...result, audienceId }, "audience webhook checked");
    } catch (err) {
      rt.log.warn({ err, audienceId }, "could not register the audience webhook; polling covers consent meanwhile");
    }
  }
}

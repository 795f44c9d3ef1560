import { ensureAudienceWebhook } from "@/lib/consent";
import { commerceEnabled, mergeFieldsWithPurchaseData } from "@/lib/commerce/run-step";
import { purgeSampleDetails } from "./purge-sample-details";
import { readCursor } from "./cursor";
import { notifyRunFinished } from "./run-finished";
import { hasOrderRepair, parseRunScope } from "./run-scope";
import { TX_OPTIONS, type Db } from "./db";
import { dispatchGeneration, dispatchPending } from "./dispatch";
import { NO_POLICY_MESSAGE } from "./errors";
import { finalizeIfDone } from "./finalize";
import { startHeartbeat } from "./heartbeat";
import { startProgressWriter } from "./progress-writer";
import { startPlanProgress } from "@/lib/sync/plan/plan-progress";
import { DEFAULT_QUEUE_SETTINGS, type PlanJobData } from "./jobs";
import type { PlanRunResult } from "./planner-port";
import type { Runtime } from "./runtime";

/**
 * sync.plan: policy -> planner -> batches, each handed to the queue as soon as it is written, so Mailchimp is
 * busy while the rest of the plan is still being compared. Safe to run again after a crash: a run already planned
 * is only re-dispatched (same job ids); a half-planned one is planned again, keeping the batches the first attempt
 * already handed out (their members are then in sync_records and come out unchanged or as upserts).
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
  const progress = startPlanProgress(startedAt);
  const stopProgress = startProgressWriter(rt.prisma, runId, progress, rt.log);
  try {
    const active = await rt.planner.getActivePolicy(rt.prisma);
    if (!active) return await failRun(rt, runId, NO_POLICY_MESSAGE);
    // Proactive diagnosis: Odoo drift that would break or silently change the mapping, or a routed audience
    // Mailchimp does not have, stops the run here, before merge fields, webhooks or a single member are written;
    // the alert names the field or the audience and its routing rules. The whole run stops, not only the missing
    // audience's contacts: see lib/alerts/README.md.
    const blocked = await rt.alerts?.beforeRun();
    if (blocked) return await failRun(rt, runId, blocked);
    const scope = parseRunScope(run.scope);
    const cursorFrom = run.mode === "incremental" && !scope ? await readCursor(rt.prisma) : null;
    const firstSeq = await forgetUndispatched(rt, runId);
    // Merge fields and webhooks are set up while Odoo is read; no batch is sent before the merge fields exist.
    const audiences = rt.planner.audiencesOf(active.policy);
    const prepared = run.dryRun ? Promise.resolve() : prepareAudiences(rt, audiences, run.mode === "full", commerceEnabled(active.policy));
    prepared.catch(() => undefined);
    const onBatch = async (batchId: string) => {
      await prepared;
      await rt.queue.sendBatch(runId, batchId, 0);
    };
    let plan: PlanRunResult;
    try {
      plan = await rt.planner.planRun({
        prisma: rt.prisma, odoo: rt.odoo, policy: active.policy, policyVersion: active.version,
        run: { id: runId, mode: run.mode, dryRun: run.dryRun, scope }, cursorFrom, now: startedAt, firstSeq, progress,
        ...(run.dryRun ? {} : { onBatch }),
      });
      await prepared;
    } catch (err) {
      // The connectors have already retried what is worth retrying: the run cannot be planned now.
      return await failRun(rt, runId, `Planning failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    // A targeted run has not read every change since the cursor: it must not move it.
    // The e-commerce step follows the members of full and incremental runs; a targeted (repair) run has one only
    // when it repairs orders.
    const commerce = (!scope || hasOrderRepair(scope)) && !run.dryRun && commerceEnabled(active.policy);
    await afterPlanning(rt, runId, run.dryRun, active.version, cursorFrom, scope ? { ...plan, cursorTo: null } : plan, commerce);
  } finally {
    stopHeartbeat();
    await stopProgress();
  }
}

/**
 * Batches an earlier attempt wrote but that no worker has started are planned again from scratch; the ones a
 * worker started or finished stay. The started ones are waited for (a dead worker's are handed on within
 * seconds): their outcomes must be in sync_records before the plan reads it, or their members would be planned
 * again and sent, and counted, twice. Returns the next seq.
 */
async function forgetUndispatched(rt: Runtime, runId: string, o: { waitMs?: number; everyMs?: number } = {}): Promise<number> {
  await rt.prisma.syncBatch.deleteMany({ where: { runId, status: "pending" } });
  // Bounded by the batch jobs' own expiry: a batch still running after it has lost its job for good.
  const deadline = Date.now() + (o.waitMs ?? BATCH_STARTED_WAIT_MS);
  let said = false;
  while ((await rt.prisma.syncBatch.count({ where: { runId, status: "running" } })) > 0) {
    if (Date.now() > deadline) {
      rt.log.warn({ runId }, "batches of an earlier planning attempt are still running: planning again without their outcomes");
      break;
    }
    if (!said) rt.log.info({ runId }, "planning again once the batches an earlier attempt started have finished");
    said = true;
    await new Promise((r) => setTimeout(r, o.everyMs ?? 250));
  }
  const last = await rt.prisma.syncBatch.aggregate({ where: { runId }, _max: { seq: true } });
  return last._max.seq ?? 0;
}

/** The batch queue's default expiry: past it, a started batch is retried by pg-boss anyway. */
const BATCH_STARTED_WAIT_MS = DEFAULT_QUEUE_SETTINGS.batchExpireSeconds * 1000;

/** Full runs check the merge fields in Mailchimp again; incremental runs trust what a run already set up. */
async function prepareAudiences(rt: Runtime, audienceIds: string[], verify: boolean, purchaseData: boolean): Promise<void> {
  await Promise.all([
    (purchaseData ? mergeFieldsWithPurchaseData(rt) : rt.mergeFields).ensure(audienceIds, { verify }),
    rt.webhookUrl ? registerWebhooks(rt, rt.webhookUrl, audienceIds) : Promise.resolve(),
  ]);
}

async function afterPlanning(rt: Runtime, runId: string, dryRun: boolean, policyVersion: number, cursorFrom: Date | null, plan: Omit<PlanRunResult, "cursorTo"> & { cursorTo: Date | null }, commerce: boolean): Promise<void> {
  const counters = {
    plannedNew: plan.plannedNew, plannedUpdate: plan.plannedUpdate, unchanged: plan.unchanged,
    excluded: plan.excluded, exceptions: plan.exceptions, policyVersion, cursorFrom, cursorTo: plan.cursorTo,
  };
  const planned = { plan: plan.summary ?? null, dispatchGeneration: 0, ...(commerce ? { commerce: { pending: true } } : {}) };
  // The database outages the run sat through while planning (supervise-worker.ts) stay in its summary.
  const summaryOf = async (tx: Pick<Db, "$queryRaw">) => {
    // Locked until the write: an outage recorded meanwhile waits for it and is then added, not overwritten.
    const [row] = await tx.$queryRaw<Array<{ outages: unknown }>>`SELECT summary -> 'databaseOutages' AS outages FROM sync_runs WHERE id = ${runId}::uuid FOR UPDATE`;
    const outages = row?.outages;
    return (outages ? { ...planned, databaseOutages: outages } : planned) as object;
  };
  await purgeSampleDetails(rt.prisma, new Date());
  if (dryRun) {
    await rt.prisma.syncBatch.updateMany({ where: { runId, status: "pending" }, data: { status: "cancelled" } });
    await rt.prisma.$transaction(async (tx) => {
      await tx.syncRun.updateMany({
        where: { id: runId, status: "planning" },
        data: { ...counters, summary: await summaryOf(tx), status: "succeeded", finishedAt: new Date() },
      });
    }, TX_OPTIONS);
    return;
  }
  let final: Awaited<ReturnType<typeof finalizeIfDone>> = null;
  const started = await rt.prisma.$transaction(async (tx) => {
    const moved = await tx.syncRun.updateMany({ where: { id: runId, status: "planning" }, data: { ...counters, summary: await summaryOf(tx), status: "running" } });
    if (moved.count === 0) return false;
    // Batches sent while planning may all be done already: then the run ends here.
    final = await finalizeIfDone(tx, runId);
    return true;
  }, TX_OPTIONS);
  await notifyRunFinished(rt, runId, final);
  if (!started) {
    // Cancelled while planning: nothing more of this plan may be sent.
    await rt.prisma.syncBatch.updateMany({ where: { runId, status: "pending" }, data: { status: "cancelled" } });
    return;
  }
  // Mostly sent from onBatch already; sending again is a no-op (same job ids) and covers a planner port that does
  // not call it. Their audiences were set up before planning (audiencesOf).
  const sent = await dispatchPending(rt.prisma, rt.queue, runId, 0);
  rt.log.info({ runId, batches: sent, plannedNew: plan.plannedNew, plannedUpdate: plan.plannedUpdate }, "run planned");
}

async function failRun(rt: Runtime, runId: string, error: string): Promise<void> {
  await rt.prisma.syncRun.updateMany({
    where: { id: runId, status: { in: ["queued", "planning"] } },
    data: { status: "failed", error, finishedAt: new Date() },
  });
  rt.log.warn({ runId, error }, "run failed before sending anything");
  await rt.alerts?.afterRun(runId);
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

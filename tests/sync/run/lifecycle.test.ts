import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { handleDeadJob } from "@/lib/sync/run/dead-job";
import { cancelRun, pauseRun, resumeRun } from "@/lib/sync/run/control";
import { NO_POLICY_MESSAGE, RunConflictError, RunStateError } from "@/lib/sync/run/errors";
import { handlePlanJob } from "@/lib/sync/run/plan-job";
import { loadRunProgress } from "@/lib/console/load-run-progress";
import type { PlannerPort } from "@/lib/sync/run/planner-port";
import { requestRun } from "@/lib/sync/run/request-run";
import { ENGINE_MERGE_FIELDS } from "@/lib/sync/policy/merge-fields";
import { useTestDatabase } from "@/tests/helpers/db";
import { insertBatch, insertRun, planned, recordingQueue, startMailchimp, testRuntime } from "./helpers";

/** Request, plan, pause, resume, cancel and finish, with a planner that writes hand-made batches. */
const db = await useTestDatabase();
let mc: Awaited<ReturnType<typeof startMailchimp>>;
let rt: Awaited<ReturnType<typeof testRuntime>>;
const queue = recordingQueue();
const cursorTo = new Date("2026-11-20T10:00:00Z");

const handPlanner = (batches: number, perBatch = 2): PlannerPort => ({
  getActivePolicy: async () => ({ version: 7, policy: {} }),
  audiencesOf: () => [mc.listId],
  planRun: async (ctx) => {
    for (let b = 0; b < batches; b++) {
      const records = Array.from({ length: perBatch }, (_, i) => planned(`p${b}x${i}.${ctx.run.id.slice(0, 6)}@shopper.org`));
      await insertBatch(db.prisma, ctx.run.id, b, mc.listId, "subscribe_new", records);
    }
    return { plannedNew: batches * perBatch, plannedUpdate: 0, unchanged: 3, excluded: 1, exceptions: 0, cursorTo, summary: { by: "hand", cursorFrom: ctx.cursorFrom } };
  },
});

beforeAll(async () => {
  mc = await startMailchimp();
  rt = await testRuntime(db.prisma, db.url, mc.config, { queue });
});
beforeEach(async () => {
  // One active run at a time: each test starts from a quiet database.
  await db.prisma.syncRun.deleteMany({});
  queue.plans.length = 0;
  queue.batches.length = 0;
});
afterAll(async () => {
  await rt.close();
  await mc.emulator.close();
});

const getRun = (id: string) => db.prisma.syncRun.findUniqueOrThrow({ where: { id } });

describe("requestRun", () => {
  it("queues a run and its plan job, and refuses a second while the first is active", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    expect(queue.plans).toEqual([runId]);
    await expect(requestRun(db.prisma, { mode: "incremental", trigger: "test" }, queue)).rejects.toBeInstanceOf(RunConflictError);
    const racing = await Promise.allSettled([1, 2, 3].map(() => requestRun(db.prisma, { mode: "full", trigger: "test" }, queue)));
    expect(racing.every((r) => r.status === "rejected")).toBe(true);
  });

  it("lets only one of several simultaneous requests through", async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => requestRun(db.prisma, { mode: "full", trigger: "test" }, queue)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("plan job", () => {
  it("fails the run with a clear message when no policy is saved", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    await handlePlanJob(rt.runtime, { runId });
    expect(await getRun(runId)).toMatchObject({ status: "failed", error: NO_POLICY_MESSAGE });
  });

  it("plans, creates the engine's merge fields, dispatches one job per batch, and the last batch ends the run and moves the cursor", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "incremental", trigger: "test" }, queue);
    rt.runtime.planner = handPlanner(3);
    await handlePlanJob(rt.runtime, { runId });
    expect(await getRun(runId)).toMatchObject({ status: "running", plannedNew: 6, unchanged: 3, excluded: 1, policyVersion: 7, cursorTo });
    expect(queue.batches.map((b) => b.generation)).toEqual([0, 0, 0]);
    const fields = await mc.client.mergeFields.list(mc.listId);
    expect(ENGINE_MERGE_FIELDS.every((f) => fields.some((m) => m.tag === f.tag))).toBe(true);
    // A retried plan job (its worker died after dispatching) sends the same job ids again: no new work.
    await handlePlanJob(rt.runtime, { runId });
    expect(await db.prisma.syncBatch.count({ where: { runId } })).toBe(3);
    for (const b of queue.batches.slice(0, 3)) await handleBatchJob(rt.runtime, b);
    expect(await getRun(runId)).toMatchObject({ status: "succeeded", sent: 6, failed: 0 });
    expect((await db.prisma.syncCursor.findUniqueOrThrow({ where: { key: "odoo.partners" } })).value).toBe(cursorTo.toISOString());
  });

  it("drops the emails and names of earlier runs' summaries whose retention has passed as it stores a plan", async () => {
    const planner = (until: string) => ({ samples: { new: [{ audienceId: mc.listId, partnerIds: [7] }] }, sampleDetails: { new: [{ email: "gone@shopper.org" }] }, sampleDetailsUntil: until });
    const stored = (until: string) => ({ mode: "full" as const, trigger: "test", status: "succeeded" as const, summary: { plan: { planner: planner(until) } } });
    const expired = await db.prisma.syncRun.create({ data: stored("2026-01-01T00:00:00.000Z") });
    const kept = await db.prisma.syncRun.create({ data: stored("2999-01-01T00:00:00.000Z") });
    const { runId } = await requestRun(db.prisma, { mode: "incremental", trigger: "test" }, queue);
    rt.runtime.planner = handPlanner(1);
    await handlePlanJob(rt.runtime, { runId });
    expect(((await getRun(expired.id)).summary as { plan: { planner: object } }).plan.planner).toEqual({ samples: planner("").samples });
    expect(((await getRun(kept.id)).summary as { plan: { planner: object } }).plan.planner).toMatchObject({ sampleDetails: planner("").sampleDetails });
  });

  it("keeps the planner's progress on the run, and the progress bars end full once every batch is settled", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    const hand = handPlanner(2);
    rt.runtime.planner = {
      ...hand,
      planRun: async (ctx) => {
        Object.assign(ctx.progress ?? {}, { partnersRead: 9, partnersTotal: 9, stage: "planned" });
        return hand.planRun(ctx);
      },
    };
    await handlePlanJob(rt.runtime, { runId });
    expect((await getRun(runId)).progress).toMatchObject({ stage: "planned", partnersRead: 9, partnersTotal: 9 });
    const mid = await loadRunProgress(runId, { prisma: db.prisma });
    expect(mid?.phases.map((p) => [p.key, p.state, p.done, p.total])).toEqual([
      ["reading", "done", 9, 9], ["planning", "done", 4, 4], ["sending", "waiting", 0, 4], ["checking", "waiting", 0, 4], ["consent", "waiting", 0, 0],
    ]);
    for (const b of queue.batches.slice(0, 2)) await handleBatchJob(rt.runtime, b);
    const end = await loadRunProgress(runId, { prisma: db.prisma });
    expect(end).toMatchObject({ status: "succeeded", active: false });
    expect(end?.phases.map((p) => [p.key, p.state, p.done, p.total])).toEqual([
      ["reading", "done", 9, 9], ["planning", "done", 4, 4], ["sending", "done", 4, 4], ["checking", "done", 4, 4], ["consent", "done", 0, 0],
    ]);
  });

  it("a dry run stores the plan and sends nothing", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test", dryRun: true }, queue);
    rt.runtime.planner = handPlanner(2);
    const before = await db.prisma.syncCursor.findUnique({ where: { key: "odoo.partners" } });
    await handlePlanJob(rt.runtime, { runId });
    const run = await getRun(runId);
    expect(run).toMatchObject({ status: "succeeded", plannedNew: 4, sent: 0, summary: expect.objectContaining({ plan: expect.objectContaining({ by: "hand" }) }) });
    expect(queue.batches).toEqual([]);
    expect(await db.prisma.syncCursor.findUnique({ where: { key: "odoo.partners" } })).toEqual(before);
  });

  it("sends each batch as the planner writes it; one finished during planning does not end the run", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    const seenWhilePlanning: string[] = [];
    rt.runtime.planner = {
      getActivePolicy: async () => ({ version: 7, policy: {} }),
      audiencesOf: () => [mc.listId],
      planRun: async (ctx) => {
        for (let b = 1; b <= 2; b++) {
          const row = await insertBatch(db.prisma, ctx.run.id, b, mc.listId, "subscribe_new", [planned(`pipe${b}.${ctx.run.id.slice(0, 6)}@shopper.org`)]);
          await ctx.onBatch?.(row.id);
          seenWhilePlanning.push(...queue.batches.map((x) => x.batchId));
          // Another worker takes the first batch while the plan goes on.
          if (b === 1) await handleBatchJob(rt.runtime, queue.batches[0]!);
        }
        expect((await getRun(ctx.run.id)).status).toBe("planning");
        return { plannedNew: 2, plannedUpdate: 0, unchanged: 0, excluded: 0, exceptions: 0, cursorTo, summary: {} };
      },
    };
    await handlePlanJob(rt.runtime, { runId });
    const batches = await db.prisma.syncBatch.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    expect(seenWhilePlanning).toEqual([batches[0]!.id, batches[0]!.id, batches[1]!.id]);
    expect(batches.map((b) => b.status)).toEqual(["succeeded", "pending"]);
    expect(await getRun(runId)).toMatchObject({ status: "running", sent: 1 });
    // The final dispatch re-sends what is pending under the same job ids (deduplicated by the queue).
    await handleBatchJob(rt.runtime, queue.batches.at(-1)!);
    expect(await getRun(runId)).toMatchObject({ status: "succeeded", sent: 2 });
  });

  it("planning again after a crash keeps the batches a worker already took and numbers new ones after them", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    const done = await insertBatch(db.prisma, runId, 1, mc.listId, "subscribe_new", [planned(`kept.${runId.slice(0, 6)}@shopper.org`)]);
    await db.prisma.syncBatch.update({ where: { id: done.id }, data: { status: "succeeded" } });
    await insertBatch(db.prisma, runId, 2, mc.listId, "subscribe_new", [planned(`forgotten.${runId.slice(0, 6)}@shopper.org`)]);
    await db.prisma.syncRun.update({ where: { id: runId }, data: { status: "planning" } });
    let firstSeq: number | undefined;
    rt.runtime.planner = { ...handPlanner(0), planRun: async (ctx) => {
      firstSeq = ctx.firstSeq;
      return { plannedNew: 0, plannedUpdate: 0, unchanged: 1, excluded: 0, exceptions: 0, cursorTo, summary: {} };
    } };
    await handlePlanJob(rt.runtime, { runId });
    // The writer numbers its batches firstSeq + 1 onwards.
    expect(firstSeq).toBe(1);
    expect((await db.prisma.syncBatch.findMany({ where: { runId } })).map((b) => b.id)).toEqual([done.id]);
    expect(await getRun(runId)).toMatchObject({ status: "succeeded" });
  });

  it("an empty plan ends the run at once", async () => {
    const { runId } = await requestRun(db.prisma, { mode: "full", trigger: "test" }, queue);
    rt.runtime.planner = handPlanner(0);
    await handlePlanJob(rt.runtime, { runId });
    expect(await getRun(runId)).toMatchObject({ status: "succeeded", sent: 0 });
  });
});

describe("pause, resume, cancel", () => {
  async function runningRun(batches: number) {
    const run = await insertRun(db.prisma);
    const rows = [];
    for (let b = 0; b < batches; b++) rows.push(await insertBatch(db.prisma, run.id, b, mc.listId, "subscribe_new", [planned(`pr${b}.${run.id.slice(0, 6)}@shopper.org`)]));
    return { run, rows };
  }

  it("paused: batch jobs leave batches pending; resume sends them again under a new generation and the run finishes", async () => {
    const { run, rows } = await runningRun(3);
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: rows[0]!.id });
    await pauseRun(db.prisma, run.id);
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: rows[1]!.id });
    expect((await db.prisma.syncBatch.findUniqueOrThrow({ where: { id: rows[1]!.id } })).status).toBe("pending");
    expect((await getRun(run.id)).status).toBe("paused");
    await expect(pauseRun(db.prisma, run.id)).rejects.toBeInstanceOf(RunStateError);
    await resumeRun(db.prisma, run.id, queue);
    expect(queue.batches.map((b) => [b.batchId, b.generation])).toEqual([[rows[1]!.id, 1], [rows[2]!.id, 1]]);
    for (const b of queue.batches) await handleBatchJob(rt.runtime, b);
    expect(await getRun(run.id)).toMatchObject({ status: "succeeded", sent: 3 });
  });

  it("cancel: pending batches are cancelled and their jobs do nothing", async () => {
    const { run, rows } = await runningRun(2);
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: rows[0]!.id });
    await cancelRun(db.prisma, run.id);
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: rows[1]!.id });
    expect(await getRun(run.id)).toMatchObject({ status: "cancelled", sent: 1 });
    expect((await db.prisma.syncBatch.findUniqueOrThrow({ where: { id: rows[1]!.id } })).status).toBe("cancelled");
    await expect(cancelRun(db.prisma, run.id)).rejects.toBeInstanceOf(RunStateError);
  });

  it("a batch out of retries fails the run with its reason once the other batches are done; the cursor stays", async () => {
    const { run, rows } = await runningRun(2);
    const cursorBefore = await db.prisma.syncCursor.findUnique({ where: { key: "odoo.partners" } });
    await db.prisma.syncBatch.update({ where: { id: rows[0]!.id }, data: { status: "running", error: "Mailchimp transient (503): down" } });
    await handleDeadJob(rt.runtime, { runId: run.id, batchId: rows[0]!.id });
    expect((await getRun(run.id)).status).toBe("running");
    await handleBatchJob(rt.runtime, { runId: run.id, batchId: rows[1]!.id });
    const ended = await getRun(run.id);
    expect(ended).toMatchObject({ status: "failed", sent: 1 });
    expect(ended.error).toContain("batch 0: Mailchimp transient (503): down");
    expect(await db.prisma.syncCursor.findUnique({ where: { key: "odoo.partners" } })).toEqual(cursorBefore);
  });
});

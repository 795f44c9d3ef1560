import { createHash } from "node:crypto";
import { startMailchimpEmulator, type EmulatorOptions } from "@/emulators/mailchimp/server";
import { logger } from "@/lib/logger";
import { MailchimpClient, type Member } from "@/lib/mailchimp";
import { OdooClient } from "@/lib/odoo";
import { ConnectionGovernor } from "@/lib/sync/governor";
import type { Db } from "@/lib/sync/run/db";
import { MergeFieldEnsurer } from "@/lib/sync/run/merge-fields";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { handlePlanJob } from "@/lib/sync/run/plan-job";
import type { PlannerPort } from "@/lib/sync/run/planner-port";
import type { RunQueue } from "@/lib/sync/run/queue";
import type { Runtime } from "@/lib/sync/run/runtime";
import type { PlannedRecord } from "@/lib/sync/types";

export const FAST_RETRY = { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 40 };
export const FAST_POLL = { intervalMs: 10, maxIntervalMs: 50, startTimeoutMs: 60_000, stallMs: 60_000 };
export const quietLog = logger.child({ test: true });
quietLog.level = "silent";

export function planned(email: string, o: Partial<PlannedRecord> & { tags?: string[]; merge?: Record<string, string | number> } = {}): PlannedRecord {
  const payload = o.payload === null ? null : { merge_fields: o.merge ?? { FNAME: email.split("@")[0] ?? "" }, tags: o.tags ?? ["odoo:customer"] };
  return {
    // "": the audience of the batch insertBatch puts it in.
    audienceId: o.audienceId ?? "",
    email,
    partnerIds: o.partnerIds ?? [1],
    payload,
    hash: payload ? createHash("sha256").update(JSON.stringify(payload)).digest("hex") : null,
    tagsToAdd: o.tagsToAdd ?? payload?.tags ?? [],
    tagsToRemove: o.tagsToRemove ?? [],
    statusIfNew: o.statusIfNew ?? "subscribed",
  };
}

export async function startMailchimp(options: EmulatorOptions = {}) {
  const emulator = await startMailchimpEmulator({ lists: 1, batchPhaseMs: 2, ...options });
  const listId = [...emulator.state.account.lists.keys()][0] as string;
  const config = { apiKey: emulator.apiKey, baseUrl: emulator.url };
  const client = new MailchimpClient(config, { timeoutMs: 5_000 });
  return { emulator, listId, config, client };
}

export async function memberDump(baseUrl: string, listId: string): Promise<Member[]> {
  const res = await fetch(`${baseUrl}/_emulator/lists/${listId}/members`);
  return ((await res.json()) as { members: Member[] }).members;
}

export async function emulatorStats(baseUrl: string) {
  const res = await fetch(`${baseUrl}/_emulator/stats`);
  return (await res.json()) as { requests: Record<string, number>; records: Record<string, number>; max_concurrent: Record<string, number>; errors: Record<string, number> };
}

export const maxConcurrent = (stats: { max_concurrent: Record<string, number> }) => Math.max(0, ...Object.values(stats.max_concurrent));

/** Comparable Mailchimp state: who, status, merge fields, tags. */
export function normalise(members: Member[]) {
  return members
    .map((m) => ({ email: m.email_address, status: m.status, merge: m.merge_fields, tags: (m.tags ?? []).map((t) => t.name).sort() }))
    .sort((a, b) => a.email.localeCompare(b.email));
}

export async function insertRun(prisma: Db, o: { mode?: "full" | "incremental"; status?: "running" | "paused" | "queued"; dryRun?: boolean } = {}) {
  return prisma.syncRun.create({ data: { mode: o.mode ?? "full", trigger: "test", status: o.status ?? "running", dryRun: o.dryRun ?? false, cursorTo: new Date() } });
}

/** audienceId null: an upsert batch over several audiences (each record names its own). */
export async function insertBatch(prisma: Db, runId: string, seq: number, audienceId: string | null, kind: "subscribe_new" | "upsert_existing", records: PlannedRecord[]) {
  const stamped = records.map((r) => (r.audienceId === "" && audienceId ? { ...r, audienceId } : r));
  return prisma.syncBatch.create({ data: { runId, seq, audienceId, kind, recordCount: records.length, records: stamped as unknown as object } });
}

/** Records sends instead of queueing them: handler tests call handlers themselves. */
export function recordingQueue(): RunQueue & { plans: string[]; batches: Array<{ runId: string; batchId: string; generation: number }> } {
  const plans: string[] = [];
  const batches: Array<{ runId: string; batchId: string; generation: number }> = [];
  return {
    plans, batches,
    sendPlan: async (runId) => void plans.push(runId),
    sendBatch: async (runId, batchId, generation) => void batches.push({ runId, batchId, generation }),
  };
}

export const noPlanner: PlannerPort = {
  getActivePolicy: async () => null,
  audiencesOf: () => [],
  planRun: async () => {
    throw new Error("no planner in this test");
  },
};

/** A Runtime without pg-boss: handlers are called directly. */
export async function testRuntime(prisma: Db, databaseUrl: string, mailchimp: { apiKey: string; baseUrl: string }, o: Partial<Runtime> = {}) {
  const governor = await ConnectionGovernor.start({ databaseUrl, apiKey: mailchimp.apiKey, maxConnections: 10 });
  const client = new MailchimpClient(mailchimp, { acquire: governor.acquire, timeoutMs: 3_000 });
  const runtime: Runtime = {
    prisma, queue: recordingQueue(), mailchimp: client, log: quietLog, retry: FAST_RETRY, poll: FAST_POLL, heartbeatMs: 1_000,
    odoo: new OdooClient({ url: "http://127.0.0.1:9", db: "x", username: "x", apiKey: "x", protocol: "jsonrpc" }),
    planner: noPlanner, mergeFields: new MergeFieldEnsurer(client, { retry: FAST_RETRY, poll: FAST_POLL }), locks: governor.connection, ...o,
  };
  return { runtime, governor, close: () => governor.close() };
}

/** A sync run the way the worker runs it, in this process: the plan job, then every batch job it dispatched. */
export async function syncInProcess(prisma: Db, runtime: Runtime, mode: "full" | "incremental") {
  const run = await prisma.syncRun.create({ data: { mode, trigger: "test", status: "queued" } });
  const queue = recordingQueue();
  runtime.queue = queue;
  await handlePlanJob(runtime, { runId: run.id });
  for (let i = 0; i < queue.batches.length; i++) await handleBatchJob(runtime, queue.batches[i]!);
  return prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
}

import type { PlanProgress } from "@/lib/sync/plan/plan-progress";
import { randomUUID } from "node:crypto";
import { startOdooEmulator, type OdooEmulatorOptions } from "@/emulators/odoo/server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { planRun, type PlanOutcome } from "@/lib/sync/plan/plan-run";
import type { PlannedRecord } from "@/lib/sync/types";

export type Emu = Awaited<ReturnType<typeof startOdooEmulator>>;

export async function startOdoo(options: OdooEmulatorOptions): Promise<{ emu: Emu; odoo: OdooClient }> {
  const emu = await startOdooEmulator({ port: 0, ...options });
  const odoo = new OdooClient({ url: emu.url, db: emu.db, username: emu.login, apiKey: emu.apiKey, protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
  return { emu, odoo };
}

export interface PlanOptions {
  mode?: "full" | "incremental";
  dryRun?: boolean;
  cursorFrom?: Date | null;
  now?: Date;
  onBatch?: (batchId: string) => Promise<void>;
  progress?: PlanProgress;
}

/** A sync_runs row (batches reference it) and a plan over it. */
export async function plan(prisma: PrismaClient, odoo: OdooClient, policy: Policy, o: PlanOptions = {}): Promise<PlanOutcome & { runId: string }> {
  const mode = o.mode ?? "full";
  const run = await prisma.syncRun.create({ data: { id: randomUUID(), mode, trigger: "test", dryRun: o.dryRun ?? false } });
  const outcome = await planRun({ prisma, odoo, policy, policyVersion: 1, run: { id: run.id, mode, dryRun: o.dryRun ?? false }, cursorFrom: o.cursorFrom ?? null, now: o.now, ...(o.onBatch ? { onBatch: o.onBatch } : {}), ...(o.progress ? { progress: o.progress } : {}) });
  return { ...outcome, runId: run.id };
}

export interface PlannedRow extends PlannedRecord {
  kind: string;
}

export async function plannedRecords(prisma: PrismaClient, runId: string): Promise<PlannedRow[]> {
  const batches = await prisma.syncBatch.findMany({ where: { runId }, orderBy: { seq: "asc" } });
  return batches.flatMap((b) => (b.records as unknown as PlannedRecord[]).map((r) => ({ ...r, kind: b.kind })));
}

/** What the runtime would write after applying every planned record successfully. */
export async function markSynced(prisma: PrismaClient, runId: string): Promise<void> {
  for (const r of await plannedRecords(prisma, runId)) {
    const data = { partnerIds: r.partnerIds, payloadHash: r.hash, appliedTags: r.payload?.tags ?? [], lastStatus: "synced" as const, lastRunId: runId, memberStatus: "subscribed" };
    await prisma.syncRecord.upsert({ where: { audienceId_email: { audienceId: r.audienceId, email: r.email } }, create: { audienceId: r.audienceId, email: r.email, ...data }, update: data });
  }
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { BatchWriter } from "./batch-writer";
import { checkFields } from "./check-fields";
import { emitDepartures, emitGroups } from "./emit-plan";
import { chunks, incrementalScope, targetScope } from "./incremental-scope";
import { PlanError } from "./plan-error";
import { PlanStage } from "./plan-stage";
import { PlanTally } from "./plan-tally";
import { autoResolveExceptions, recordExceptions, recordFieldMissing } from "./record-exceptions";
import { loadReferenceData } from "./reference-data";
import { familyScope, FULL_SCOPE, type ScanScope } from "./scan-buying";
import { stageOdoo } from "./stage-odoo";
import { buildSummary } from "./build-summary";
import { enterPlanStage, type PlanProgress } from "./plan-progress";
import { syncedEmailsOf } from "./synced-emails";

export interface PlanContext {
  prisma: PrismaClient;
  odoo: OdooClient;
  policy: Policy;
  policyVersion: number;
  run: { id: string; mode: "full" | "incremental"; dryRun: boolean; scope?: TargetScope | null };
  cursorFrom: Date | null;
  now?: Date;
  /** Called with each batch once written: the runtime starts sending it while the plan goes on. */
  onBatch?: (batchId: string) => Promise<void>;
  /** Batches an earlier, crashed attempt of this plan already handed out: new ones are numbered after them. */
  firstSeq?: number;
  /** Filled as planning goes (stage, partners read of how many) for the run page's progress bars. */
  progress?: PlanProgress;
  /** Called as each phase ends (heartbeats, progress in the console, benchmarks). */
  onProgress?: (phase: PlanPhase, info: { ms: number; partnersRead: number }) => void;
}

/**
 * A targeted run (a repair): the families of these partners and of the partners holding these emails are
 * re-planned, and the targeted emails are sent again even when their hash says unchanged (Mailchimp drifted
 * behind the engine's back, so the hash proves nothing there). Never complete: no cursor, no auto-resolution.
 */
export interface TargetScope {
  emails: string[];
  partnerIds: number[];
}

export type PlanPhase = "fields" | "reference" | "scope" | "read" | "compare" | "departures" | "exceptions";

export interface PlanOutcome {
  batches: number;
  plannedNew: number;
  plannedUpdate: number;
  unchanged: number;
  excluded: number;
  exceptions: number;
  cursorTo: Date;
  summary: Record<string, unknown>;
}

// Commercial partners per Odoo "in" domain of an incremental run. Each chunk costs a pass over orders, invoices
// and partners on Odoo's side; 1,000 ids is ~7 KB of JSON body, far from any request limit, and a fifth of the passes
// 200 took (a 1% change at 1M partners is ~10k families).
const FAMILY_CHUNK = 1000;

/**
 * Reads Odoo, applies the policy and writes sync_batches for the runtime (lib/sync/README.md, "Planner").
 * cursorTo is the planning start: anything committed after it is read again by the next incremental run.
 */
export async function planRun(ctx: PlanContext): Promise<PlanOutcome> {
  const cursorTo = ctx.now ?? new Date();
  const t0 = Date.now();
  const { prisma, odoo, policy, run } = ctx;
  const pageSize = Math.min(policy.batching.odooPageSize, odoo.maxPageSize);
  const tally = new PlanTally(ctx.progress);
  const timings: Record<string, number> = {};
  let mark = t0;
  const phase = (name: PlanPhase) => {
    const now = Date.now();
    timings[`${name}Ms`] = now - mark;
    mark = now;
    ctx.onProgress?.(name, { ms: now - t0, partnersRead: tally.partnersRead });
  };
  try {
    await checkFields(odoo, policy);
  } catch (err) {
    if (err instanceof PlanError && !run.dryRun) await recordFieldMissing(prisma, run.id, err.fields, err.message);
    throw err;
  }
  phase("fields");
  const ref = await loadReferenceData(odoo, pageSize);
  phase("reference");
  const target = run.scope ?? null;
  // A first incremental run (no cursor) reads everything, so it is as complete as a full one.
  const complete = !target && (run.mode === "full" || ctx.cursorFrom === null);
  const incremental = target || complete ? null : await incrementalScope(odoo, {
    cursor: ctx.cursorFrom as Date,
    overlapSeconds: policy.batching.overlapSeconds,
    pageSize,
    syncedEmailsOf: (partnerIds) => syncedEmailsOf(prisma, partnerIds),
  });
  const families = target ? await targetScope(odoo, { ...target, pageSize }) : incremental?.families ?? null;
  const scopes: ScanScope[] = families ? chunks(families, FAMILY_CHUNK).map(familyScope) : [FULL_SCOPE];
  phase("scope");
  if (ctx.progress) countPartners(odoo, scopes, ctx.progress);
  const stage = new PlanStage(prisma, run.id);
  await stage.create();
  try {
    const { indexBytes, ...read } = await stageOdoo(odoo, policy, ref, scopes, stage, tally, pageSize, cursorTo);
    phase("read");
    if (ctx.progress) enterPlanStage(ctx.progress, "planning", new Date());
    const writer = new BatchWriter(prisma, run.id, policy, run.dryRun, ctx.onBatch, ctx.firstSeq ?? 0);
    const forced = target ? new Set(target.emails) : undefined;
    await emitGroups(prisma, stage, policy, writer, tally, forced);
    phase("compare");
    // An incremental run decides departures only for the addresses once synced for the families it read whole
    // (archived, now staff or supplier-only, blacklisted, moved to another audience, email removed or changed).
    const departuresOf = complete ? undefined : target ? target.emails : incremental?.departureEmails ?? [];
    if (departuresOf === undefined || departuresOf.length > 0) await emitDepartures(prisma, stage, policy, writer, tally, departuresOf);
    await writer.finish();
    phase("departures");
    const exceptionsByKind = await stage.countExceptionsByKind();
    let autoResolved = 0;
    if (!run.dryRun) {
      await recordExceptions(prisma, stage, run.id);
      if (complete) autoResolved = await autoResolveExceptions(prisma, stage, run.id);
    }
    phase("exceptions");
    if (ctx.progress) enterPlanStage(ctx.progress, "planned", new Date());
    timings.totalMs = Date.now() - t0;
    const exceptions = Object.values(exceptionsByKind).reduce((a, b) => a + b, 0);
    const summary = buildSummary({ ctx, tally, exceptionsByKind, autoResolved, batches: writer.batches, read, timings, scopes: scopes.length, complete, indexBytes });
    return { batches: writer.batches, plannedNew: tally.plannedNew, plannedUpdate: tally.plannedUpdate, unchanged: tally.unchanged, excluded: tally.excluded, exceptions, cursorTo, summary };
  } finally {
    await stage.drop();
  }
}

/**
 * The partners the read will go through, counted beside it (never awaited: the first page must not wait for a
 * count). Progress only: when Odoo cannot count, the bar shows partners read without a total.
 */
function countPartners(odoo: PlanContext["odoo"], scopes: ScanScope[], progress: PlanProgress): void {
  Promise.all(scopes.map((s) => odoo.searchCount("res.partner", s.partners, { activeTest: false })))
    .then((counts) => (progress.partnersTotal = counts.reduce((a, b) => a + b, 0)))
    .catch(() => (progress.partnersTotal = null));
}

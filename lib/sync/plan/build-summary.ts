import type { PlanContext } from "./plan-run";
import type { PlanTally } from "./plan-tally";
import { summarySamples } from "./summary-samples";

export interface SummaryInput {
  ctx: PlanContext;
  tally: PlanTally;
  exceptionsByKind: Record<string, number>;
  autoResolved: number;
  batches: number;
  read: { orders: number; invoices: number };
  timings: Record<string, number>;
  scopes: number;
  complete: boolean;
  indexBytes: number;
}

/**
 * What sync_runs.summary shows: counts, timings, and the first records of each category, which for a dry
 * run is the whole preview ("who would get what, and why not the others"): ids kept, details for a while.
 */
export function buildSummary(s: SummaryInput): Record<string, unknown> {
  const { ctx, tally } = s;
  return {
    planner: {
      mode: ctx.run.mode,
      dryRun: ctx.run.dryRun,
      policyVersion: ctx.policyVersion,
      complete: s.complete,
      cursorFrom: ctx.cursorFrom?.toISOString() ?? null,
      counts: {
        new: tally.plannedNew,
        update: tally.plannedUpdate - tally.departures,
        departures: tally.departures,
        unchanged: tally.unchanged,
        refusedByMailchimp: tally.refused,
        movedInMailchimp: tally.moved,
        excluded: tally.excluded,
        batches: s.batches,
      },
      excludedByReason: tally.excludedByReason,
      exceptionsByKind: s.exceptionsByKind,
      autoResolvedExceptions: s.autoResolved,
      read: { partners: tally.partnersRead, confirmedOrders: s.read.orders, postedInvoices: s.read.invoices, familyChunks: s.scopes },
      timings: s.timings,
      memory: { rssMb: Math.round(process.memoryUsage().rss / 1e6), buyingIndexMb: Math.round(s.indexBytes / 1e6) },
      // Bounded (SAMPLE_SIZE per category): "why was this partner left out?" Ids for as long as the run is kept,
      // names and emails only for the policy's retention.
      ...summarySamples(tally.samples, { now: ctx.now ?? new Date(), detailsDays: ctx.policy.summaries.sampleDetailsDays }),
    },
  };
}

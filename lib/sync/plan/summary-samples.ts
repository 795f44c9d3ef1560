import type { SampleCategory } from "./plan-tally";

type Samples = Record<SampleCategory, Record<string, unknown>[]>;

/** What a sample may keep for as long as the run is kept: what it is and which records, never who. */
const ID_KEYS = new Set(["partnerIds", "partnerId", "audienceId", "kind", "reason"]);

export function samplesWithIdsOnly(samples: Samples): Samples {
  const strip = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => ID_KEYS.has(k)));
  return Object.fromEntries(Object.entries(samples).map(([k, list]) => [k, list.map(strip)])) as Samples;
}

/**
 * The summary's samples: ids always; the details (emails, names, payloads) only for the policy's retention
 * (`summaries.sampleDetailsDays`, 0 keeps none), after which run/purge-sample-details.ts removes them, and shown
 * only to roles that may see contact details (lib/auth/roles.ts).
 */
export function summarySamples(samples: Samples, o: { now: Date; detailsDays: number }): Record<string, unknown> {
  if (o.detailsDays <= 0) return { samples: samplesWithIdsOnly(samples) };
  const until = new Date(o.now.getTime() + o.detailsDays * 86_400_000);
  return { samples: samplesWithIdsOnly(samples), sampleDetails: samples, sampleDetailsUntil: until.toISOString() };
}

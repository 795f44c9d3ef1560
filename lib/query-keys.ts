import type { GapFilter } from "@/lib/console/reconcile/gap-filter";

/** Every TanStack Query key in one typed factory, so invalidations cannot drift from the queries. */
export const queryKeys = {
  health: () => ["health"] as const,
  runs: {
    progress: (runId: string) => ["runs", runId, "progress"] as const,
  },
  alerts: {
    counts: () => ["alerts", "counts"] as const,
  },
  reconcile: {
    all: () => ["reconcile"] as const,
    summary: () => ["reconcile", "summary"] as const,
    /** Keyed by the pass shown too: when a pass ends, the tables load the new one by themselves. */
    gaps: (filter: GapFilter, passId: string | null) => ["reconcile", "gaps", passId, filter] as const,
    record: (email: string, passId: string | null) => ["reconcile", "record", passId, email] as const,
    health: () => ["reconcile", "health"] as const,
  },
} as const;

import type { GapFilter } from "@/lib/console/reconcile/gap-filter";
import type { RevenueCell, RevenueFilter } from "@/lib/console/revenue/revenue-filter";

/** Every TanStack Query key in one typed factory, so invalidations cannot drift from the queries. */
export const queryKeys = {
  health: () => ["health"] as const,
  runs: {
    progress: (runId: string) => ["runs", runId, "progress"] as const,
    monitoring: (runId: string) => ["runs", runId, "monitoring"] as const,
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
  revenue: {
    all: () => ["revenue"] as const,
    /** Keyed by nothing but the filter: the answer names its pass, and polling brings the next one. */
    table: (filter: RevenueFilter) => ["revenue", "table", filter] as const,
    orders: (cell: RevenueCell | null, passId: string | null) => ["revenue", "orders", passId, cell] as const,
  },
} as const;

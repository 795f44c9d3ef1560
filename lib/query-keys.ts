import type { GapFilter } from "@/lib/console/reconcile/gap-filter";

/** Every TanStack Query key in one typed factory, so invalidations cannot drift from the queries. */
export const queryKeys = {
  health: () => ["health"] as const,
  reconcile: {
    all: () => ["reconcile"] as const,
    summary: () => ["reconcile", "summary"] as const,
    gaps: (filter: GapFilter) => ["reconcile", "gaps", filter] as const,
    record: (email: string) => ["reconcile", "record", email] as const,
    health: () => ["reconcile", "health"] as const,
  },
} as const;

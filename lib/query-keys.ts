/** Every TanStack Query key in one typed factory, so invalidations cannot drift from the queries. */
export const queryKeys = {
  health: () => ["health"] as const,
} as const;

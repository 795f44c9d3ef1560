"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/**
 * One of a run's live views (/api/runs/[id]/progress or /monitoring), server-rendered first and then polled through
 * TanStack Query every `pollMs` while the run is active; it stops polling once the view says the run ended.
 */
export function useRunView<T extends { active: boolean }>(runId: string, part: "progress" | "monitoring", initial: T, pollMs: number): T {
  const { data } = useQuery({
    queryKey: queryKeys.runs[part](runId),
    queryFn: async () => {
      const res = await fetch(`/api/runs/${runId}/${part}`, { cache: "no-store" });
      if (!res.ok) throw new Error(`${part}: HTTP ${res.status}`);
      return (await res.json()) as T;
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.active ? pollMs : false),
  });
  // initialData makes data defined; TanStack's overloads cannot show that through a type parameter.
  return data ?? initial;
}

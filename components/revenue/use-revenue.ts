"use client";

import { useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/reconcile/use-reconcile";
import type { RevenueData } from "@/lib/console/revenue/list-revenue";
import type { RevenueCell, RevenueFilter } from "@/lib/console/revenue/revenue-filter";
import type { RevenueOrder } from "@/lib/console/revenue/revenue-orders";
import { queryKeys } from "@/lib/query-keys";

/** While a read-back is queued or running the page polls, and shows the new numbers the moment it ends. */
const ACTIVE_POLL_MS = 3_000;
/** Passes also start on their own (after each full run, on schedule): the page notices within this. */
const IDLE_POLL_MS = 60_000;

export function querySearch(q: Record<string, string | number | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

export function useRevenue(filter: RevenueFilter) {
  return useQuery({
    queryKey: queryKeys.revenue.table(filter),
    queryFn: () => getJson<RevenueData>(`/api/revenue?${querySearch(filter)}`),
    placeholderData: (previous) => previous,
    refetchInterval: (q) => (q.state.data?.active ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
}

export function useRevenueOrders(cell: RevenueCell | null, passId: string | null) {
  return useQuery({
    queryKey: queryKeys.revenue.orders(cell, passId),
    queryFn: () => getJson<{ passId: string | null; total: number; page: number; pageSize: number; rows: RevenueOrder[] }>(`/api/revenue/orders?${querySearch({ ...cell })}`),
    enabled: cell !== null,
    placeholderData: (previous) => previous,
  });
}

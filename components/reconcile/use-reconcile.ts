"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { repairAction, startPassAction } from "@/app/(console)/reconciliation/actions";
import type { ActionResult } from "@/lib/auth/guard";
import type { AudienceHealth } from "@/lib/console/reconcile/audience-health";
import type { GapFilter } from "@/lib/console/reconcile/gap-filter";
import type { GapRow } from "@/lib/console/reconcile/list-gaps";
import type { RecordView } from "@/lib/console/reconcile/record-view";
import type { ReconcileSummary } from "@/lib/console/reconcile/summary";
import { queryKeys } from "@/lib/query-keys";

/** While a pass is queued or running, everything on the page polls; otherwise only the summary, slowly. */
const ACTIVE_POLL_MS = 3_000;
/** A repair's run ends in a read-back nobody clicked for: the summary notices it within this. */
const IDLE_POLL_MS = 30_000;

/** JSON dates arrive as strings: the types say so, so nothing formats a string as if it were a Date. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export async function getJson<T>(url: string): Promise<Wire<T>> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `HTTP ${res.status}`);
  return (await res.json()) as Wire<T>;
}

export function useReconcileSummary() {
  return useQuery({
    queryKey: queryKeys.reconcile.summary(),
    queryFn: () => getJson<ReconcileSummary>("/api/reconcile/summary"),
    refetchInterval: (q) => (q.state.data?.active ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
}

export function gapSearch(f: Partial<GapFilter>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

export function useGaps(filter: GapFilter, passId: string | null, polling: boolean) {
  return useQuery({
    queryKey: queryKeys.reconcile.gaps(filter, passId),
    queryFn: () => getJson<{ passId: string | null; total: number; page: number; pageSize: number; rows: GapRow[] }>(`/api/reconcile/gaps?${gapSearch(filter)}`),
    placeholderData: (previous) => previous,
    refetchInterval: polling ? ACTIVE_POLL_MS : false,
  });
}

export function useRecord(email: string, passId: string | null, polling: boolean) {
  return useQuery({
    queryKey: queryKeys.reconcile.record(email, passId),
    queryFn: () => getJson<RecordView>(`/api/reconcile/record?email=${encodeURIComponent(email)}`),
    enabled: email !== "",
    refetchInterval: polling ? ACTIVE_POLL_MS : false,
  });
}

export function useAudienceHealth() {
  return useQuery({ queryKey: queryKeys.reconcile.health(), queryFn: () => getJson<AudienceHealth>("/api/reconcile/health"), refetchInterval: 60_000 });
}

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

/** Starting a pass or a repair refreshes every reconciliation query (the summary then polls until it ends). */
export function useReconcileActions() {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: queryKeys.reconcile.all() });
  const readBack = useMutation({ mutationFn: () => unwrap(startPassAction({})), onSettled: settle });
  const repair = useMutation({ mutationFn: (input: Parameters<typeof repairAction>[0]) => unwrap(repairAction(input)), onSettled: settle });
  return { readBack, repair };
}

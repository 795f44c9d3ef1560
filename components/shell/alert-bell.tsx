"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { AlertCounts } from "@/lib/console/alerts/count-alerts";

async function fetchCounts(): Promise<AlertCounts> {
  const res = await fetch("/api/alerts/counts", { cache: "no-store" });
  if (!res.ok) throw new Error(`alert counts: ${res.status}`);
  return (await res.json()) as AlertCounts;
}

/** The header's bell: open alerts not yet acknowledged (red when one is critical), refreshed every 30 s. */
export function AlertBell() {
  const { data } = useQuery({ queryKey: queryKeys.alerts.counts(), queryFn: fetchCounts, refetchInterval: 30_000 });
  const waiting = data?.unacknowledged ?? 0;
  const tone = !data || data.open === 0 ? "bg-slate-100 text-slate-500" : data.critical > 0 ? "bg-red-50 text-red-700" : waiting > 0 ? "bg-amber-50 text-amber-800" : "bg-slate-100 text-slate-600";
  const label = !data ? "Alerts" : `${data.open} open alert${data.open === 1 ? "" : "s"}, ${waiting} not acknowledged`;
  return (
    <Link href="/alerts?status=open" aria-label={label} title={label} data-testid="alert-bell" className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ${tone}`}>
      <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-current">
        <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.3A1 1 0 0 0 4.1 15h11.8a1 1 0 0 0 .8-1.7L15 10.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 18Z" />
      </svg>
      <span data-testid="alert-bell-count">{data ? waiting : "…"}</span>
      {data && data.open > waiting ? <span className="text-slate-500">/ {data.open}</span> : null}
    </Link>
  );
}

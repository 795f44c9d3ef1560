"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

interface Health {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; latencyMs?: number; error?: string };
}

async function fetchHealth(): Promise<Health> {
  const res = await fetch("/api/health", { cache: "no-store" });
  return (await res.json()) as Health;
}

/** Live database status in the header, refreshed every 30 s. */
export function HealthBadge() {
  const { data, isError } = useQuery({ queryKey: queryKeys.health(), queryFn: fetchHealth, refetchInterval: 30_000 });
  const up = data?.database.status === "up" && !isError;
  const label = !data && !isError ? "Checking database…" : up ? "Database up" : "Database unreachable";
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ${
        up ? "bg-emerald-50 text-emerald-700" : data || isError ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-500"
      }`}
      title={data?.database.error}
    >
      <span className={`h-1.5 w-1.5 rounded-full ${up ? "bg-emerald-500" : data || isError ? "bg-red-500" : "bg-slate-400"}`} />
      {label}
    </span>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunMonitoringView } from "@/lib/console/load-monitoring";
import { queryKeys } from "@/lib/query-keys";
import { CsvLink } from "@/components/csv-link";
import { MonitoringCharts } from "./monitoring-charts";

/** Workers flush their counts every 5 s: polling faster would show nothing new. */
const POLL_MS = 5_000;

async function getMonitoring(runId: string): Promise<RunMonitoringView> {
  const res = await fetch(`/api/runs/${runId}/monitoring`, { cache: "no-store" });
  if (!res.ok) throw new Error(`monitoring: HTTP ${res.status}`);
  return (await res.json()) as RunMonitoringView;
}

/** A run's Mailchimp traffic, polled through TanStack Query while the run is active. */
export function RunMonitoring({ runId, initial }: { runId: string; initial: RunMonitoringView }) {
  const { data } = useQuery({
    queryKey: queryKeys.runs.monitoring(runId),
    queryFn: () => getMonitoring(runId),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.active ? POLL_MS : false),
  });
  if (data.totals.calls === 0) {
    return <p className="text-sm text-slate-500">{data.active ? "No Mailchimp call of this run has been counted yet (workers report every 5 seconds)." : "This run made no Mailchimp call that a worker counted (runs before monitoring existed, or dry runs, have none)."}</p>;
  }
  return <MonitoringCharts view={data} step="minute" csv={<CsvLink table="run-calls" query={{ run: runId }} />} />;
}

"use client";

import type { RunMonitoringView } from "@/lib/console/load-monitoring";
import { CsvLink } from "@/components/csv-link";
import { useRunView } from "@/components/runs/use-run-view";
import { MonitoringCharts } from "./monitoring-charts";

/** Workers flush their counts every 5 s: polling faster would show nothing new. */
const POLL_MS = 5_000;

/** A run's Mailchimp traffic, polled while the run is active. */
export function RunMonitoring({ runId, initial }: { runId: string; initial: RunMonitoringView }) {
  const data = useRunView(runId, "monitoring", initial, POLL_MS);
  if (data.totals.calls === 0) {
    return <p className="text-sm text-slate-500">{data.active ? "No Mailchimp call of this run has been counted yet (workers report every 5 seconds)." : "This run made no Mailchimp call that a worker counted (runs before monitoring existed, or dry runs, have none)."}</p>;
  }
  return <MonitoringCharts view={data} step="minute" csv={<CsvLink table="run-calls" query={{ run: runId }} />} />;
}

import type { MonitoringView } from "@/lib/console/describe-monitoring";
import { TREND_DAYS } from "@/lib/console/load-monitoring";
import { MonitoringCharts } from "./monitoring-charts";

/** The Overview's trend: every Mailchimp call of the last two weeks, or a plain sentence when there were none. */
export function CallTrend({ view }: { view: MonitoringView }) {
  if (view.totals.calls === 0) return <p className="text-sm text-slate-500">No Mailchimp call was counted in the last {TREND_DAYS} days.</p>;
  return <MonitoringCharts view={view} step="day" />;
}

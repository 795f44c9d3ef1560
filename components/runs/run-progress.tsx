"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { formatCount, formatDuration } from "@/components/format";
import type { PhaseProgress } from "@/lib/console/describe-run-progress";
import type { RunProgressView } from "@/lib/console/load-run-progress";
import { useRunView } from "./use-run-view";

/** Once a second while the run moves: the bars are the point of watching. */
const POLL_MS = 1_000;

/** One bar per phase, polled while the run is active; the page re-renders when it ends. */
export function RunProgress({ runId, initial }: { runId: string; initial: RunProgressView }) {
  const router = useRouter();
  const data = useRunView(runId, "progress", initial, POLL_MS);
  const wasActive = useRef(initial.active);
  useEffect(() => {
    // The counters and batches above are server-rendered: fetch them again once, when the run ends.
    if (wasActive.current && !data.active) router.refresh();
    wasActive.current = data.active;
  }, [data.active, router]);
  return (
    <section aria-label="Progress" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
      {data.phases.map((p) => (
        <PhaseBar key={p.key} phase={p} />
      ))}
    </section>
  );
}

function PhaseBar({ phase: p }: { phase: PhaseProgress }) {
  const share = p.total ? Math.min(1, p.done / p.total) : p.state === "done" ? 1 : null;
  const percent = share === null ? null : Math.floor(share * 100);
  const tone = p.state === "done" ? "bg-emerald-500" : p.state === "stopped" ? "bg-slate-400" : "bg-sky-500";
  return (
    <div data-phase={p.key} data-state={p.state}>
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">{p.label}</span>
        <span className="tabular-nums text-slate-600">{percent === null ? "—" : `${percent}%`}</span>
      </div>
      <div
        role="progressbar"
        aria-label={p.label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { "aria-valuenow": percent })}
        className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={`h-full ${tone} ${share === null && p.state === "active" ? "animate-pulse" : ""}`} style={{ width: `${share === null ? (p.state === "active" ? 100 : 0) : share * 100}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">{detail(p)}</p>
    </div>
  );
}

function detail(p: PhaseProgress): string {
  if (p.state === "waiting") return "waiting";
  const counts = `${formatCount(p.done)}${p.total === null ? "" : ` of ${formatCount(p.total)}`} ${p.unit}`;
  if (p.state === "done") return `${counts}, done`;
  if (p.state === "stopped") return `${counts}, stopped`;
  const rate = p.perSecond === null ? "" : `, ${formatCount(Math.round(p.perSecond))}/s`;
  const left = p.secondsLeft === null ? "" : `, about ${formatDuration(p.secondsLeft * 1000)} left`;
  return `${counts}${rate}${left}`;
}

"use client";

import { formatCount } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import type { ReconcileSummary } from "@/lib/console/reconcile/summary";
import { useReconcileActions, type Wire } from "./use-reconcile";

const at = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "—");

/** Lag in words, from the oldest Odoo change not yet in Mailchimp to the read-back that measured it. */
export function lagText(oldest: string | null, measuredAt: string | null): string {
  if (!oldest || !measuredAt) return "none: every Odoo change had reached Mailchimp";
  const minutes = Math.max(0, Math.round((Date.parse(measuredAt) - Date.parse(oldest)) / 60_000));
  return minutes < 90 ? `${minutes} min (oldest change ${at(oldest)})` : `${Math.round(minutes / 60)} h (oldest change ${at(oldest)})`;
}

/** Which read-back the page shows, whether another is running, and the button that starts one. */
export function PassBar({ summary, canAct }: { summary: Wire<ReconcileSummary>; canAct: boolean }) {
  const { readBack } = useReconcileActions();
  const { shown, active, failed } = summary;
  return (
    <section className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="space-y-1">
        {shown ? (
          <p>
            Read-back of <strong>{at(shown.finishedAt)}</strong> UTC ({shown.trigger}, {formatCount(shown.requests)} Mailchimp requests). Lag:{" "}
            <span data-testid="lag">{lagText(shown.oldestPendingAt, shown.finishedAt)}</span>
          </p>
        ) : (
          <p className="text-slate-500">No read-back has finished yet.</p>
        )}
        {active && (
          <p className="flex items-center gap-2 text-brand-700">
            <StatusPill status={active.status} /> A read-back started at {at(active.createdAt)} is under way; {shown ? "the numbers below stay those of the previous one until it ends." : "this page refreshes when it ends."}
          </p>
        )}
        {failed && <p className="text-red-700">The read-back of {at(failed.createdAt)} failed: {failed.error}</p>}
      </div>
      {canAct && (
        <div className="flex flex-col items-end gap-1">
          <button className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50" disabled={readBack.isPending || !!active} onClick={() => readBack.mutate()}>
            {active ? "Reading back…" : "Read back now"}
          </button>
          {readBack.error && <p className="text-xs text-red-700">{readBack.error.message}</p>}
        </div>
      )}
    </section>
  );
}

"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { acknowledgeAlertAction } from "@/app/(console)/alerts/actions";
import { formatUtc } from "@/components/format";
import type { AlertRow } from "@/lib/console/alerts/list-alerts";
import { queryKeys } from "@/lib/query-keys";

const SEVERITY: Record<string, string> = {
  critical: "border-red-200 bg-red-50 text-red-700",
  warning: "border-amber-200 bg-amber-50 text-amber-800",
  info: "border-sky-200 bg-sky-50 text-sky-700",
};

/** One alert: what was seen, what to do, the runbook entry, and (ops, admin) the acknowledge button. */
export function AlertCard({ row, runbookHref, canAcknowledge }: { row: AlertRow; runbookHref: string; canAcknowledge: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const acknowledge = () =>
    startTransition(async () => {
      const result = await acknowledgeAlertAction({ id: row.id });
      if (!result.ok) window.alert(result.error);
      // The bell counts what nobody acknowledged: it must not wait for its next poll.
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts.counts() });
      router.refresh();
    });
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid="alert-card" data-kind={row.kind} data-alert-id={row.id}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <span className={`rounded-full border px-2 py-0.5 font-medium ${SEVERITY[row.severity] ?? SEVERITY.info}`}>{row.severity}</span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-600">owner: {row.team}</span>
            <span className="text-slate-500">{row.kind.replace(/_/g, " ")} · {row.subject}</span>
          </div>
          <h2 className="mt-1.5 font-medium text-slate-900">{row.title}</h2>
        </div>
        {row.status === "open" && canAcknowledge && !row.acknowledgedAt ? (
          <button type="button" disabled={pending} onClick={acknowledge} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
            Acknowledge
          </button>
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-700">{row.message}</p>
      <p className="mt-1 text-sm text-slate-700"><span className="font-medium">What to do:</span> {row.action}</p>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        <span>first seen {formatUtc(row.firstSeenAt)}</span>
        <span>last seen {formatUtc(row.lastSeenAt)} ({row.occurrences}×)</span>
        {row.resolvedAt ? <span>resolved {formatUtc(row.resolvedAt)}</span> : null}
        {row.acknowledgedAt ? <span data-testid="alert-acknowledged">acknowledged by {row.acknowledgedBy} {formatUtc(row.acknowledgedAt)}</span> : null}
        <Link className="font-medium text-brand-700 hover:underline" href={runbookHref}>Runbook</Link>
      </div>
    </article>
  );
}

"use client";

import { useState, useTransition } from "react";
import { runAuditAction } from "@/app/(console)/integration-audit/actions";
import { AutoRefresh } from "@/components/auto-refresh";

/**
 * Ops and admins: queue an audit (a worker runs it). The page then refreshes itself until a newer report than
 * the one shown when the button was pressed arrives.
 */
export function RunAuditButton({ reportId }: { reportId: string | null }) {
  const [pending, startTransition] = useTransition();
  const [waitingFor, setWaitingFor] = useState<{ after: string | null } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const waiting = waitingFor !== null && waitingFor.after === reportId;
  const run = () =>
    startTransition(async () => {
      const result = await runAuditAction({});
      if (!result.ok) return setNote(result.error);
      setNote("Audit queued: a worker reads Odoo and Mailchimp now; this page shows the report when it is done.");
      setWaitingFor({ after: reportId });
    });
  return (
    <span className="flex items-center gap-2 print:hidden">
      <AutoRefresh active={waiting} />
      {note && (waiting || waitingFor === null) ? <span className="max-w-xs text-xs text-slate-500" role="status">{note}</span> : null}
      <button type="button" disabled={pending || waiting} onClick={run} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
        {waiting ? "Auditing…" : "Run audit"}
      </button>
    </span>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkAlertsAction } from "@/app/(console)/alerts/actions";

/** Ops and admins: queue the scheduled check now (a worker runs it); the page refreshes itself meanwhile. */
export function CheckNowButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const check = () =>
    startTransition(async () => {
      const result = await checkAlertsAction({});
      setNote(result.ok ? "Check queued: a worker runs it within seconds." : result.error);
      router.refresh();
    });
  return (
    <span className="flex items-center gap-2">
      {note ? <span className="text-xs text-slate-500" role="status">{note}</span> : null}
      <button type="button" disabled={pending} onClick={check} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
        Check now
      </button>
    </span>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { controlRunAction, startRunAction } from "@/app/(console)/runs/actions";

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const run = (fn: () => Promise<{ ok: true; data: { runId: string } } | { ok: false; error: string }>, go?: boolean) =>
    startTransition(async () => {
      const result = await fn();
      setError(result.ok ? undefined : result.error);
      if (result.ok && go) router.push(`/runs/${result.data.runId}`);
      else router.refresh();
    });
  return { pending, error, run };
}

/** Start a run: incremental (what changed in Odoo), full re-sync (compare everything) or a dry run (plan only). */
export function StartRunButtons() {
  const { pending, error, run } = useAction();
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <button className={`${button} border border-slate-300 bg-white`} disabled={pending} onClick={() => run(() => startRunAction({ mode: "full", dryRun: true }), true)}>
          Dry run
        </button>
        <button className={`${button} border border-slate-300 bg-white`} disabled={pending} onClick={() => run(() => startRunAction({ mode: "full", dryRun: false }), true)}>
          Full re-sync
        </button>
        <button className={`${button} bg-brand-600 text-white`} disabled={pending} onClick={() => run(() => startRunAction({ mode: "incremental", dryRun: false }), true)}>
          Run now
        </button>
      </div>
      {error && <p className="text-xs text-red-700">{error}</p>}
    </div>
  );
}

export function ControlRunButtons({ runId, status }: { runId: string; status: string }) {
  const { pending, error, run } = useAction();
  const act = (action: "pause" | "resume" | "cancel") => run(() => controlRunAction({ runId, action }));
  return (
    <div className="flex items-center gap-2">
      {status === "running" && (
        <button className={`${button} border border-slate-300 bg-white`} disabled={pending} onClick={() => act("pause")}>
          Pause
        </button>
      )}
      {status === "paused" && (
        <button className={`${button} bg-brand-600 text-white`} disabled={pending} onClick={() => act("resume")}>
          Resume
        </button>
      )}
      {["queued", "planning", "running", "paused"].includes(status) && (
        <button className={`${button} border border-red-200 bg-white text-red-700`} disabled={pending} onClick={() => act("cancel")}>
          Cancel run
        </button>
      )}
      {error && <p className="text-xs text-red-700">{error}</p>}
    </div>
  );
}

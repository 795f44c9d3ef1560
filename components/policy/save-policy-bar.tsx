"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { savePolicyAction } from "@/app/(console)/settings/policy/actions";

/**
 * Saves the edited JSON as a new version. The server counts today's members the policy would route nowhere
 * and asks for that exact count to be confirmed when it is a large share (lib/console/policy-drop.ts).
 */
export function SavePolicyBar({ policyJson, changes, valid }: { policyJson: string; changes: number; valid: boolean }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [confirm, setConfirm] = useState<{ dropped: number; total: number; audiences: string[]; forJson: string }>();
  const [pending, startTransition] = useTransition();

  function save(confirmDrop?: number) {
    startTransition(async () => {
      const result = await savePolicyAction({ policyJson, comment, confirmDrop });
      if (result.ok && result.data.version === null) {
        setConfirm({ ...result.data.confirm, forJson: policyJson });
        setMessage(undefined);
      } else if (result.ok) {
        setConfirm(undefined);
        setMessage({ ok: true, text: `Saved as version ${result.data.version}. The next run uses it.` });
        setComment("");
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.error });
      }
    });
  }

  const shown = confirm?.forJson === policyJson ? confirm : undefined;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder="What changed and why (kept with the version)" className="min-w-72 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button type="button" onClick={() => save()} disabled={pending || !valid || changes === 0} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
          {pending ? "Saving…" : `Save ${changes} change${changes === 1 ? "" : "s"} as a new version`}
        </button>
      </div>
      {shown && (
        <div role="alert" data-testid="policy-drop" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          This policy routes {shown.dropped} of today&apos;s {shown.total} members nowhere (audiences no longer routed: {shown.audiences.join(", ")}). The next run would raise an exception for each.{" "}
          <button type="button" disabled={pending} onClick={() => save(shown.dropped)} className="ml-1 font-medium underline">Save anyway</button>
        </div>
      )}
      {message && (
        <p role="status" className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>{message.text}</p>
      )}
    </div>
  );
}

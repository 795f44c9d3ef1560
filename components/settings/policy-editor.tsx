"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { savePolicyAction } from "@/app/(console)/settings/policy/actions";

/** The policy as JSON, the same shape `npm run config -- export` writes; saving creates a new version. */
export function PolicyEditor({ initial }: { initial: string }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  /** The dropped-member count the server asked us to confirm, for this text. */
  const [confirm, setConfirm] = useState<{ dropped: number; total: number; audiences: string[] }>();
  const [pending, startTransition] = useTransition();

  function save(confirmDrop?: number) {
    startTransition(async () => {
      const result = await savePolicyAction({ policyJson: text, comment, confirmDrop });
      if (result.ok && result.data.version === null) {
        setConfirm(result.data.confirm);
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

  return (
    <div className="space-y-3">
      <textarea
        aria-label="Policy JSON"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setConfirm(undefined);
        }}
        className="h-[28rem] w-full rounded-md border border-slate-300 bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100"
      />
      <div className="flex flex-wrap items-center gap-2">
        <input
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="What changed and why (kept with the version)"
          className="min-w-72 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <button
          type="button"
          onClick={() => save()}
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {pending ? "Saving…" : "Save as new version"}
        </button>
      </div>
      {confirm && (
        <div role="alert" data-testid="policy-drop" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          This policy routes {confirm.dropped} of today&apos;s {confirm.total} members nowhere (audiences no longer routed:{" "}
          {confirm.audiences.join(", ")}). The next run would raise an exception for each.{" "}
          <button type="button" disabled={pending} onClick={() => save(confirm.dropped)} className="ml-1 font-medium underline">
            Save anyway
          </button>
        </div>
      )}
      {message && (
        <p role="status" className={`rounded-md px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { decideApprovalAction } from "@/app/(console)/consent/actions";

/** Rendered for admins only; the action checks the role again on the server. */
export function ApprovalButtons({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const decide = (decision: "approved" | "rejected") =>
    startTransition(async () => {
      const result = await decideApprovalAction({ id, decision });
      if (!result.ok) window.alert(result.error);
      router.refresh();
    });
  const button = "rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-50";
  return (
    <span className="flex gap-2">
      <button type="button" disabled={pending} onClick={() => decide("approved")} className={`${button} border-emerald-300 text-emerald-700 hover:bg-emerald-50`}>
        Approve
      </button>
      <button type="button" disabled={pending} onClick={() => decide("rejected")} className={`${button} border-red-300 text-red-700 hover:bg-red-50`}>
        Reject
      </button>
    </span>
  );
}

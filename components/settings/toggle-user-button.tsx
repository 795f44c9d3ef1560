"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setUserActiveAction } from "@/app/(console)/settings/actions";

export function ToggleUserButton({ userId, active }: { userId: string; active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setUserActiveAction({ userId, active: !active });
          if (!result.ok) window.alert(result.error);
          router.refresh();
        })
      }
      className="rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-50"
    >
      {active ? "Deactivate" : "Reactivate"}
    </button>
  );
}

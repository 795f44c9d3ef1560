"use client";

import { signOut } from "next-auth/react";
import { useEffect, useState } from "react";

/**
 * Disabled until hydrated: before that a click would do nothing (signing out is a client call), and on a slow
 * machine people and tests click early. Playwright waits for it to be enabled.
 */
export function SignOutButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      disabled={!ready}
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded-md border border-slate-200 px-3 py-1.5 text-xs font-medium text-slate-600 hover:bg-slate-100 disabled:opacity-60"
    >
      Sign out
    </button>
  );
}

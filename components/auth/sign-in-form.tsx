"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";

/** Turns next-auth's error codes into words; unknown user and wrong password read the same on purpose. */
function describe(error: string | undefined): string | undefined {
  if (!error) return undefined;
  const locked = /^locked:(\d+)$/.exec(error);
  if (locked) return `Too many attempts. Try again in ${Math.max(1, Math.ceil(Number(locked[1]) / 60))} minutes.`;
  if (error === "oidc" || error === "AccessDenied") return "Your SSO account has no access to this console. Ask an admin.";
  return "Email or password is incorrect.";
}

export function SignInForm({ callbackUrl, sso, initialError }: { callbackUrl: string; sso?: string; initialError?: string }) {
  const [error, setError] = useState(describe(initialError === "CredentialsSignin" ? "invalid" : initialError));
  const [pending, startTransition] = useTransition();

  // onSubmit rather than <form action>: React resets a form after an action, which would wipe the email
  // the user just typed whenever the password was wrong.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(describe(result?.error ?? "invalid"));
    });
  }

  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none";
  return (
    <>
      <form onSubmit={submit} className="mt-6 space-y-4">
        <label className="block text-sm font-medium text-slate-700">
          Email
          <input name="email" type="email" autoComplete="username" required className={field} />
        </label>
        <label className="block text-sm font-medium text-slate-700">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        {error && (
          <p role="alert" data-testid="sign-in-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl })}
          className="mt-3 w-full rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          Sign in with {sso}
        </button>
      )}
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createUserAction } from "@/app/(console)/settings/actions";
import { ROLES, type Role } from "@/lib/auth/roles";

export function NewUserForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> }>();

  // onSubmit rather than <form action>: React would reset the fields even when the server refused them.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      const result = await createUserAction({
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? "marketing") as Role,
        password: String(form.get("password") ?? ""),
      });
      if (result.ok) {
        setMessage({ ok: true, text: "User added. Share the password with them privately." });
        formElement.reset();
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.error, fields: result.fields });
      }
    });
  }

  const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <form onSubmit={submit} className="grid gap-3 md:grid-cols-5 md:items-end">
      <label className="text-xs font-medium text-slate-600">
        Email
        <input name="email" type="email" required className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Name
        <input name="name" required className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Role
        <select name="role" className={field} defaultValue="marketing">
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Initial password (12+ characters)
        <input name="password" type="password" required minLength={12} className={field} />
      </label>
      <button disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
        {pending ? "Adding…" : "Add user"}
      </button>
      {message && (
        <p role="status" className={`text-sm md:col-span-5 ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
          {message.fields && ` ${Object.values(message.fields).join(" ")}`}
        </p>
      )}
    </form>
  );
}

import Link from "next/link";

/** Rendered with HTTP 403 by forbidden() when a signed-in user opens a page their role may not see. */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">This page is not for your role</h1>
      <p className="mt-3 text-slate-600">
        Your account can sign in, but this part of the console belongs to another role. Ask an admin if you need it.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        Back to the overview
      </Link>
    </main>
  );
}

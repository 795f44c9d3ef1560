import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { homeFor } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const env = getEnv();
  // Only a path on our own origin, both for this redirect and for the one the form makes after sign-in. Without
  // a page to return to, each role lands on its own home (finance on Revenue): the form comes back here once
  // signed in, and this redirect picks the home of whoever signed in.
  const asked = params.callbackUrl ? safeCallbackPath(params.callbackUrl, env.NEXTAUTH_URL ?? "http://localhost") : null;
  const callbackUrl = asked && !asked.startsWith("/signin") ? asked : null;
  const user = await getCurrentUser();
  if (user) redirect(callbackUrl ?? homeFor(user.role));
  const sso = env.OIDC_ISSUER ? (env.OIDC_NAME ?? "SSO") : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Bridgeline</h1>
        <p className="mt-1 text-sm text-slate-500">Sign in to the Odoo → Mailchimp console</p>
        <SignInForm callbackUrl={callbackUrl ?? "/signin"} sso={sso} initialError={params.error} />
      </div>
    </main>
  );
}

import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const env = getEnv();
  // Only a path on our own origin, both for this redirect and for the one the form makes after sign-in.
  const callbackUrl = safeCallbackPath(params.callbackUrl, env.NEXTAUTH_URL ?? "http://localhost");
  if (await getCurrentUser()) redirect(callbackUrl);
  const sso = env.OIDC_ISSUER ? (env.OIDC_NAME ?? "SSO") : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Bridgeline</h1>
        <p className="mt-1 text-sm text-slate-500">Sign in to the Odoo → Mailchimp console</p>
        <SignInForm callbackUrl={callbackUrl} sso={sso} initialError={params.error} />
      </div>
    </main>
  );
}

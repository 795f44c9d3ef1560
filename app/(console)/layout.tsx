import { Providers } from "@/components/providers";
import { AlertBell } from "@/components/shell/alert-bell";
import { HealthBadge } from "@/components/shell/health-badge";
import { Sidebar } from "@/components/shell/sidebar";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  // Signed out: render no shell; the page itself redirects to sign-in with its own path as callbackUrl.
  if (!user) return children;
  return (
    <Providers>
      <div className="flex min-h-screen">
        {/* Printed pages (the integration audit) carry their content only. */}
        <div className="flex print:hidden">
          <Sidebar role={user.role} />
        </div>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-8 py-3 print:hidden">
            <AlertBell />
            <HealthBadge />
            <span className="text-sm text-slate-600" data-testid="current-user">
              {user.name} · <span className="font-medium">{user.role}</span>
            </span>
            <SignOutButton />
          </div>
          <main className="flex-1 px-8 py-7 print:p-0">{children}</main>
        </div>
      </div>
    </Providers>
  );
}

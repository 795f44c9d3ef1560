import { ConnectionCards } from "@/components/connection-cards";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { AudienceHealthPanel } from "@/components/overview/audience-health";
import { OverviewPanels } from "@/components/overview/overview-panels";
import { canSee } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { audienceNames } from "@/lib/console/audience-names";
import { connectionStatuses } from "@/lib/console/connections";
import { overviewStats } from "@/lib/console/overview-stats";
import { CallTrend } from "@/components/monitoring/call-trend";
import { loadCallTrend } from "@/lib/console/load-monitoring";

export const metadata = pageMetadata("overview");

export default function OverviewPage() {
  return (
    <ConsolePage slug="overview">
      <Overview />
    </ConsolePage>
  );
}

async function Overview() {
  const [stats, user, names, trend] = await Promise.all([overviewStats(), getCurrentUser(), audienceNames(), loadCallTrend()]);
  return (
    <>
      <OverviewPanels stats={stats} names={names} canSeeExceptions={!!user && canSee(user.role, "exceptions")} />
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Audience health</h2>
      <AudienceHealthPanel names={Object.fromEntries(names)} />
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Mailchimp traffic, last 14 days</h2>
      <CallTrend view={trend} />
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Connections</h2>
      <ConnectionCards connections={connectionStatuses({ details: user?.role === "admin" })} />
    </>
  );
}

import { ConsolePage, pageMetadata } from "@/components/console-page";
import { LastRun } from "@/components/reconcile/last-run";
import { ReconciliationView } from "@/components/reconcile/reconciliation-view";
import { getCurrentUser } from "@/lib/auth/session";
import { audienceNames } from "@/lib/console/audience-names";
import { latestRun } from "@/lib/console/list-runs";

export const metadata = pageMetadata("reconciliation");

/** Everyone sees the gaps; ops and admins may start read-backs and repairs (checked again by the actions). */
export default function ReconciliationPage() {
  return (
    <ConsolePage slug="reconciliation">
      <Reconciliation />
    </ConsolePage>
  );
}

async function Reconciliation() {
  const [run, user, names] = await Promise.all([latestRun(), getCurrentUser(), audienceNames()]);
  const canAct = user?.role === "admin" || user?.role === "ops";
  return (
    <>
      {run && <LastRun run={run} />}
      <ReconciliationView canAct={canAct} names={Object.fromEntries(names)} />
    </>
  );
}

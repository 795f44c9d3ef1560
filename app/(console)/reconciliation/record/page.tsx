import { ConsolePage } from "@/components/console-page";
import { RecordPanel } from "@/components/reconcile/record-panel";
import { getCurrentUser } from "@/lib/auth/session";
import { audienceNames } from "@/lib/console/audience-names";

export const metadata = { title: "Record" };

/** One email side by side in Odoo, in what Bridgeline sent, and in Mailchimp; repairable by ops and admins. */
export default async function RecordPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <ConsolePage slug="reconciliation">
      <Record email={typeof email === "string" ? email : ""} />
    </ConsolePage>
  );
}

async function Record({ email }: { email: string }) {
  const [user, names] = await Promise.all([getCurrentUser(), audienceNames()]);
  const canAct = user?.role === "admin" || user?.role === "ops";
  return <RecordPanel email={email} canAct={canAct} names={Object.fromEntries(names)} />;
}

import Link from "next/link";
import { AlertCard } from "@/components/alerts/alert-card";
import { CheckNowButton } from "@/components/alerts/check-now-button";
import { ConsolePage, pageMetadata } from "@/components/console-page";
import { EmptyState } from "@/components/empty-state";
import { ALERT_KINDS, isAlertKind, runbookAnchor, TEAMS } from "@/lib/alerts/kinds";
import { getCurrentUser } from "@/lib/auth/session";
import { listAlerts } from "@/lib/console/alerts/list-alerts";
import { canAcknowledge } from "@/lib/console/alerts/visibility";
import { CsvLink } from "@/components/csv-link";

export const metadata = pageMetadata("alerts");

type Search = Promise<{ status?: string; kind?: string; team?: string; ack?: string }>;

export default async function AlertsPage({ searchParams }: { searchParams: Search }) {
  const user = await getCurrentUser();
  const may = user ? canAcknowledge(user.role) : false;
  return (
    <ConsolePage slug="alerts" actions={may ? <CheckNowButton /> : undefined}>
      <Alerts searchParams={await searchParams} />
    </ConsolePage>
  );
}

async function Alerts({ searchParams }: { searchParams: Awaited<Search> }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const status = searchParams.status === "resolved" ? "resolved" : "open";
  const kind = searchParams.kind && isAlertKind(searchParams.kind) ? searchParams.kind : undefined;
  const team = (TEAMS as readonly string[]).includes(searchParams.team ?? "") ? searchParams.team : undefined;
  const unacknowledged = searchParams.ack === "no";
  const { rows, kinds } = await listAlerts({ status, ...(kind ? { kind } : {}), ...(team ? { team } : {}), unacknowledged }, user.role);
  const seesAll = canAcknowledge(user.role);
  const href = (o: { status?: string; kind?: string | undefined; team?: string | undefined; ack?: boolean }) => {
    const p = new URLSearchParams({ status: o.status ?? status });
    const k = "kind" in o ? o.kind : kind;
    const t = "team" in o ? o.team : team;
    if (k) p.set("kind", k);
    if (t) p.set("team", t);
    if (o.ack ?? unacknowledged) p.set("ack", "no");
    return `/alerts?${p.toString()}`;
  };
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-xs font-medium ${active ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-200 bg-white text-slate-600"}`;
  return (
    <>
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Filter alerts">
        <Link className={chip(status === "open")} href={href({ status: "open" })}>Open</Link>
        <Link className={chip(status === "resolved")} href={href({ status: "resolved", ack: false })}>Resolved</Link>
        {status === "open" ? <Link className={chip(unacknowledged)} href={href({ ack: !unacknowledged })}>Not acknowledged</Link> : null}
        {seesAll ? (
          <>
            <span className="mx-1 border-l border-slate-200" />
            <Link className={chip(!team)} href={href({ team: undefined })}>All teams</Link>
            {TEAMS.map((t) => <Link key={t} className={chip(team === t)} href={href({ team: t })}>{t}</Link>)}
          </>
        ) : null}
        <span className="mx-1 border-l border-slate-200" />
        <Link className={chip(!kind)} href={href({ kind: undefined })}>All kinds</Link>
        {Object.entries(kinds).map(([k, n]) => (
          <Link key={k} className={chip(kind === k)} href={href({ kind: k })}>{isAlertKind(k) ? ALERT_KINDS[k].title : k} · {n}</Link>
        ))}
      </nav>
      {!seesAll ? <p className="mb-3 text-sm text-slate-500">Alerts owned by {user.role}. Ops and admins acknowledge them.</p> : null}
      {rows.length === 0 ? (
        <EmptyState title={status === "open" ? "No open alerts" : "Nothing resolved yet"}>
          Failed or stalled runs, exception spikes, Mailchimp throttling and errors, lag, consent write-backs, webhooks and
          changes in Odoo&apos;s fields that would break the mapping open an alert here, for the team that owns it.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <p className="text-right"><CsvLink table="alerts" query={{ status, kind, team, ack: unacknowledged ? "no" : undefined }} /></p>
          {rows.map((r) => (
            <AlertCard key={r.id} row={r} canAcknowledge={seesAll} runbookHref={`/runbook#${isAlertKind(r.kind) ? runbookAnchor(r.kind) : ""}`} />
          ))}
        </div>
      )}
    </>
  );
}

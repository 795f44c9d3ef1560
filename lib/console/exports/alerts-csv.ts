import { isAlertKind, TEAMS } from "@/lib/alerts/kinds";
import { listAlerts, type AlertFilter } from "@/lib/console/alerts/list-alerts";
import { fromList, iso, type CsvTable } from "./csv-table";

/** The Alerts page's filter from its address (?status&kind&team&ack=no); team is honoured for ops and admins only, as there. */
function filterOf(q: URLSearchParams): AlertFilter {
  const kind = q.get("kind") ?? "";
  const team = q.get("team") ?? "";
  return {
    status: q.get("status") === "resolved" ? "resolved" : "open",
    ...(isAlertKind(kind) ? { kind } : {}),
    ...((TEAMS as readonly string[]).includes(team) ? { team } : {}),
    unacknowledged: q.get("ack") === "no",
  };
}

/** Alerts as the viewer's page lists them: marketing and finance get their team's only (listAlerts filters by role). */
export const alertsCsv: CsvTable = {
  page: "alerts",
  filename: (q) => `alerts-${filterOf(q).status}.csv`,
  columns: ["id", "kind", "severity", "team", "status", "subject", "title", "message", "action", "occurrences", "first_seen_at", "last_seen_at", "resolved_at", "acknowledged_at", "acknowledged_by"],
  rows: (q, user) => fromList(listAlerts(filterOf(q), user.role, 100_000).then((r) => r.rows), (a) => [
    a.id, a.kind, a.severity, a.team, a.status, a.subject, a.title, a.message, a.action, a.occurrences,
    iso(a.firstSeenAt), iso(a.lastSeenAt), iso(a.resolvedAt), iso(a.acknowledgedAt), a.acknowledgedBy,
  ]),
};

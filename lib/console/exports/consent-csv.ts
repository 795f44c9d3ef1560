import { loadConsentOverview, type ConsentOverview } from "@/lib/consent/console/overview";
import { webhookAuditForConsole } from "@/lib/consent/console/webhook-audit";
import { getPrisma } from "@/lib/db/client";
import { fromList, iso, type CsvCell, type CsvTable } from "./csv-table";

/** The Consent page's tables, each from the page's own loader, so a CSV holds exactly the rows the page lists. */
function consentTable<T>(name: string, columns: string[], pick: (o: ConsentOverview) => T[] | Promise<T[]>, row: (item: T) => CsvCell[]): CsvTable {
  return {
    page: "consent",
    filename: () => `consent-${name}.csv`,
    columns,
    rows: () => fromList(loadConsentOverview(getPrisma()).then(pick), row),
  };
}

const writebackColumns = ["id", "audience_id", "email", "action", "target", "status", "attempts", "created_at", "next_attempt_at", "last_error"];
const writeback = (w: ConsentOverview["failed"][number]): CsvCell[] => [w.id.toString(), w.audienceId, w.email, w.action, w.target, w.status, w.attempts, iso(w.createdAt), iso(w.nextAttemptAt), w.lastError];
const exceptionColumns = ["id", "audience_id", "email", "what", "occurrences", "last_seen_at"];
const exception = (e: ConsentOverview["refused"][number]): CsvCell[] => {
  const d = e.detail as Record<string, unknown>;
  return [e.id.toString(), e.audienceId, e.email, typeof d.reason === "string" ? d.reason : `${String(d.old_email)} -> ${String(d.new_email)}`, e.occurrences, iso(e.lastSeenAt)];
};

export const consentCsvTables: Record<string, CsvTable> = {
  "consent-approvals": consentTable("approvals", ["id", "requested_at", "people", "sample"], (o) => o.approvals, (a) => [
    a.id.toString(), iso(a.requestedAt), a.count, (a.sample as { email: string; action: string }[]).slice(0, 5).map((s) => `${s.action} ${s.email}`).join("; "),
  ]),
  "consent-opt-outs": consentTable("opt-outs", ["audience_id", "email", "member_status", "partner_ids", "writeback_status", "writeback_error", "writeback_created_at"], (o) => o.drift, (d) => [
    d.audienceId, d.email, d.memberStatus, d.partnerIds.join(" "), d.writeback?.status ?? "none", d.writeback?.lastError, iso(d.writeback?.createdAt),
  ]),
  "consent-pending": consentTable("pending-writebacks", writebackColumns, (o) => o.pending, writeback),
  "consent-failed": consentTable("failed-writebacks", writebackColumns, (o) => o.failed, writeback),
  "consent-refused": consentTable("firewall-refusals", exceptionColumns, (o) => o.refused, exception),
  "consent-email-changes": consentTable("email-changes", exceptionColumns, (o) => o.emailChanges, exception),
  "consent-webhooks": consentTable("webhooks", ["audience_id", "status", "detail"], async (o) => {
    const audit = await webhookAuditForConsole(o.audiences);
    return audit.checked ? audit.results : [];
  }, (r) => [r.audienceId, r.status, r.detail]),
  "consent-events": consentTable("events", ["id", "received_at", "audience_id", "type", "email", "synced_by_bridgeline", "source", "status", "ignored_reason", "error"], (o) => o.events, (e) => [
    e.id.toString(), iso(e.receivedAt), e.listId, e.type, e.email, e.knownToEngine, e.source, e.status, e.ignoredReason, e.error,
  ]),
};

import { eachException } from "@/lib/console/exceptions/list-exceptions";
import { describeKind } from "@/lib/console/exceptions/kinds";
import { eachRow, iso, type CsvTable } from "./csv-table";

/** The filter the Exceptions page reads from its address: ?status=open|resolved&kind=. */
function filterOf(q: URLSearchParams) {
  const kind = q.get("kind");
  return { status: q.get("status") === "resolved" ? ("resolved" as const) : ("open" as const), kind: kind && /^[a-z_]+$/.test(kind) ? kind : undefined };
}

export const exceptionsCsv: CsvTable = {
  page: "exceptions",
  filename: (q) => `exceptions-${filterOf(q).status}${filterOf(q).kind ? `-${filterOf(q).kind}` : ""}.csv`,
  columns: ["id", "kind", "title", "status", "audience_id", "email", "partner_ids", "owner", "occurrences", "created_at", "last_seen_at", "detail", "comments"],
  rows: (q) => eachRow(eachException(filterOf(q)), (e) => [
    e.id, e.kind, describeKind(e.kind).title, e.status, e.audienceId, e.email, e.partnerIds.join(" "), e.ownerName, e.occurrences,
    iso(e.createdAt), iso(e.lastSeenAt), JSON.stringify(e.detail), e.comments.map((c) => `${c.author}: ${c.body}`).join(" | "),
  ]),
};

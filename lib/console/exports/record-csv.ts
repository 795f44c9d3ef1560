import { ApiError } from "@/lib/api/errors";
import { recordView } from "@/lib/console/reconcile/record-view";
import { fromList, iso, type CsvCell, type CsvTable } from "./csv-table";

const cell = (v: unknown): CsvCell => (v === undefined ? "" : typeof v === "object" && v !== null ? JSON.stringify(v) : (v as CsvCell));
const emailOf = (q: URLSearchParams) => (q.get("email") ?? "").trim();
const needEmail = (q: URLSearchParams) => {
  if (!emailOf(q)) throw new ApiError(400, "invalid_input", "Which email? (?email=)");
};

/** The record view's field-by-field table, for every audience of one email (?email=). */
export const recordFieldsCsv: CsvTable = {
  page: "reconciliation",
  filename: () => "record-fields.csv",
  columns: ["audience_id", "field", "owner", "odoo", "last_sent", "mailchimp", "differs"],
  check: needEmail,
  rows: (q) => fromList(recordView(emailOf(q)).then((r) => r.audiences.flatMap((a) => a.fields.map((f) => ({ a, f })))), ({ a, f }) => [
    a.audienceId, f.field, f.owner, cell(f.odoo), cell(f.sent), cell(f.mailchimp), f.differs,
  ]),
};

/** The record view's history: runs that carried the email, consent events, write-backs and exceptions, newest first. */
export const recordHistoryCsv: CsvTable = {
  page: "reconciliation",
  filename: () => "record-history.csv",
  columns: ["at", "what", "audience_id", "status", "detail"],
  check: needEmail,
  rows: (q) => fromList(recordView(emailOf(q)).then(({ history: h }) => [
    ...h.runs.map((r) => ({ at: r.at, what: `run ${r.runId} (${r.mode}, ${r.trigger})`, audience: r.audienceId, status: r.batchStatus, detail: `${r.batchKind}${r.departure ? ", managed tags removed" : ""}${r.tagsToAdd.length ? `, +${r.tagsToAdd.join(" +")}` : ""}${r.tagsToRemove.length ? `, -${r.tagsToRemove.join(" -")}` : ""}` })),
    ...h.webhooks.map((w) => ({ at: w.firedAt ?? w.receivedAt, what: `consent event (${w.source})`, audience: w.listId, status: w.status, detail: w.type })),
    ...h.writebacks.map((w) => ({ at: w.createdAt, what: "write-back to Odoo", audience: w.audienceId, status: w.status, detail: `${w.action} ${w.target}${w.lastError ? ` ${w.lastError}` : ""}` })),
    ...h.exceptions.map((e) => ({ at: e.updatedAt, what: `exception ${e.kind}`, audience: e.audienceId, status: e.status, detail: `x${e.occurrences}${e.owner ? ` owner ${e.owner}` : ""}` })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime())), (r) => [iso(r.at), r.what, r.audience, r.status, r.detail]),
};

import { eachAuditEvent } from "@/lib/console/list-audit-events";
import { eachRow, iso, type CsvTable } from "./csv-table";

/** The Audit page's events (its 100 newest, here all of them), said in names as the page says them. */
export const auditCsv: CsvTable = {
  page: "audit",
  filename: () => "audit.csv",
  columns: ["at", "who", "who_email", "action", "target", "detail"],
  rows: () => eachRow(eachAuditEvent(), (e) => [iso(e.at), e.who.name, e.who.email, e.action, e.target, e.detail.map((d) => `${d.label}: ${d.value}`).join("; ")]),
};

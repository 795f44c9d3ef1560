import { canSeeContactDetails, type Role } from "@/lib/auth/roles";
import type { AuditReport } from "./types";

/**
 * What a role may read of a report: every count, severity and fix, and for the roles that see contacts elsewhere
 * (ops, admin: Exceptions) the examples' emails and names. The others get partner ids and details only.
 */
export function redactReport(report: AuditReport, role: Role): AuditReport {
  if (canSeeContactDetails(role)) return report;
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, examples: f.examples.map(({ email: _email, name: _name, ...rest }) => rest) })),
  };
}

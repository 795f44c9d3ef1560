import { redactReport } from "@/lib/audit/redact-report";
import { readLatestReport } from "@/lib/audit/read-latest-report";
import type { AuditReport } from "@/lib/audit/types";
import type { Role } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";

/** Ops and admins start an audit; every role reads the latest (emails and names for ops and admins only). */
export const AUDIT_RUNNING_ROLES: readonly Role[] = ["admin", "ops"];

export interface AuditView {
  id: string;
  trigger: string;
  createdAt: Date;
  report: AuditReport;
}

/** The latest saved audit, as this role may read it. */
export async function loadAuditReport(role: Role): Promise<AuditView | null> {
  const latest = await readLatestReport(getPrisma());
  if (!latest) return null;
  return { id: latest.id.toString(), trigger: latest.trigger, createdAt: latest.createdAt, report: redactReport(latest.report, role) };
}

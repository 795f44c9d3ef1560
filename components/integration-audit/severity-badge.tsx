import type { AuditSeverity } from "@/lib/audit/types";

const TONES: Record<AuditSeverity, string> = {
  critical: "bg-red-50 text-red-700 ring-red-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
  ok: "bg-emerald-50 text-emerald-700 ring-emerald-200",
};

export function SeverityBadge({ severity }: { severity: AuditSeverity }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ring-1 ring-inset ${TONES[severity]}`}>{severity}</span>;
}

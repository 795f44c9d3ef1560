import { FINDING_KINDS, type FindingKind } from "./finding-kinds";
import { EXAMPLE_LIMIT, type AuditSeverity, type Finding, type FindingExample } from "./types";

/** A finding of `kind` from what a finder counted; nothing found is "ok" whatever severity it would have had. */
export function buildFinding(
  kind: FindingKind,
  found: { count: number; severity: Exclude<AuditSeverity, "ok">; examples?: FindingExample[]; facts?: Record<string, unknown> },
): Finding {
  const k = FINDING_KINDS[kind];
  return {
    kind, area: k.area, title: k.title, unit: k.unit, checks: k.checks, fix: k.fix,
    severity: found.count === 0 ? "ok" : found.severity,
    count: found.count,
    examples: (found.examples ?? []).slice(0, EXAMPLE_LIMIT),
    ...(found.facts ? { facts: found.facts } : {}),
  };
}

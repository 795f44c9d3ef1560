import type { FindingKind } from "./finding-kinds";

/** ok: nothing found. info: worth knowing. warning: records are kept out or mangled. critical: the sync is at risk. */
export type AuditSeverity = "ok" | "info" | "warning" | "critical";

/**
 * One record behind a finding. `email` and `name` say who it is: the console shows them only to the roles that
 * see contacts elsewhere (lib/audit/redact-report.ts); ids and the detail never name a person.
 */
export interface FindingExample {
  label: string;
  partnerIds?: number[];
  email?: string;
  name?: string;
  detail?: string;
}

export interface Finding {
  kind: FindingKind;
  area: "odoo" | "mailchimp";
  title: string;
  severity: AuditSeverity;
  /** How many of `unit` the audit found. */
  count: number;
  unit: string;
  /** What was checked, in one sentence. */
  checks: string;
  fix: string;
  /** The first few records (EXAMPLE_LIMIT); `count` is the whole number. */
  examples: FindingExample[];
  facts?: Record<string, unknown>;
}

/** A side the audit could not ask: its findings are absent, never reported as "ok". */
export interface AuditSide {
  checked: boolean;
  error?: string;
}

export interface AuditReport {
  generatedAt: string;
  policyVersion: number | null;
  sides: { odoo: AuditSide; mailchimp: AuditSide };
  findings: Finding[];
  /** What the audit read, so a reader can judge the counts. */
  read: Record<string, number>;
}

export const EXAMPLE_LIMIT = 10;

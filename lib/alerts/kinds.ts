/**
 * Every alert kind, with who owns it unless the policy says otherwise (policy.alerts.owners), how bad it is and
 * its runbook entry (docs/runbook.md, "Alerts": one "### Title (`kind`)" entry per kind, held to these titles, owners
 * and severities by tests/alerts/runbook-kinds.test.ts).
 */
export const TEAMS = ["marketing", "finance", "ops", "admin"] as const;
export type Team = (typeof TEAMS)[number];
export type Severity = "info" | "warning" | "critical";

export const ALERT_KINDS = {
  run_failed: { title: "Sync run failed", team: "ops", severity: "critical" },
  run_stalled: { title: "Sync run stalled", team: "ops", severity: "critical" },
  exceptions_spike: { title: "Exceptions spiking", team: "ops", severity: "warning" },
  mailchimp_throttled: { title: "Mailchimp throttling", team: "ops", severity: "warning" },
  mailchimp_errors: { title: "Mailchimp errors", team: "ops", severity: "warning" },
  lag_high: { title: "Mailchimp lagging behind Odoo", team: "ops", severity: "warning" },
  consent_writebacks_failed: { title: "Consent write-backs failing", team: "ops", severity: "critical" },
  consent_approval_waiting: { title: "Consent changes waiting for approval", team: "admin", severity: "warning" },
  webhook_missing: { title: "Audience webhook missing", team: "ops", severity: "warning" },
  webhook_unhealthy: { title: "Audience webhook unhealthy", team: "ops", severity: "warning" },
  mailchimp_audience_missing: { title: "Routed audience missing in Mailchimp", team: "admin", severity: "critical" },
  mailchimp_merge_fields: { title: "Mailchimp merge field drift", team: "marketing", severity: "warning" },
  odoo_schema_drift: { title: "Odoo schema drift", team: "admin", severity: "critical" },
  store_syncing: { title: "Store left in is_syncing", team: "ops", severity: "warning" },
} as const satisfies Record<string, { title: string; team: Team; severity: Severity }>;

export type AlertKind = keyof typeof ALERT_KINDS;
export const ALERT_KIND_NAMES = Object.keys(ALERT_KINDS) as AlertKind[];

export function isAlertKind(value: string): value is AlertKind {
  return value in ALERT_KINDS;
}

/** The runbook anchor an alert links to. */
export const runbookAnchor = (kind: AlertKind) => `alert-${kind.replace(/_/g, "-")}`;

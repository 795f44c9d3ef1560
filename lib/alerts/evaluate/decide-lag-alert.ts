import type { AlertsPolicy } from "../policy-schema";
import type { AlertCondition } from "../types";

/** Reconciliation's lag (the oldest Odoo change not yet in Mailchimp, lib/reconcile/read/lag.ts) against the policy. */
export function decideLagAlert(oldestPendingAt: Date | null, policy: AlertsPolicy, now: Date): AlertCondition[] {
  if (!oldestPendingAt) return [];
  const minutes = Math.floor((now.getTime() - oldestPendingAt.getTime()) / 60_000);
  if (minutes <= policy.lagMinutes) return [];
  return [{
    kind: "lag_high", subject: "sync", title: `Mailchimp is ${minutes} min behind Odoo`,
    message: `The oldest Odoo change not yet in Mailchimp was made ${minutes} minutes ago (threshold ${policy.lagMinutes}).`,
    action: "Check that the scheduler calls /api/cron/sync and that runs succeed (Sync runs); a failed or stalled run has its own alert.",
    facts: { minutes, oldestPendingAt: oldestPendingAt.toISOString() },
  }];
}

import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailchimpClient } from "@/lib/mailchimp";
import type { OdooClient } from "@/lib/odoo";
import { getActivePolicy, type Policy } from "@/lib/sync/policy";
import { applyConditions } from "./apply-conditions";
import { diagnoseMailchimp } from "./diagnose/diagnose-mailchimp";
import { diagnoseOdoo } from "./diagnose/diagnose-odoo";
import { decideConsentAlerts } from "./evaluate/decide-consent-alerts";
import { decideLagAlert } from "./evaluate/decide-lag-alert";
import { decideRunAlerts } from "./evaluate/decide-run-alerts";
import { decideStoreAlerts } from "./evaluate/decide-store-alerts";
import { readStoreSignals } from "@/lib/commerce/find-stuck-stores";
import { readConsentSignals } from "./evaluate/read-consent-signals";
import { readRunSignals } from "./evaluate/read-run-signals";
import type { AlertKind } from "./kinds";
import { DEFAULT_ALERTS_POLICY, type AlertsPolicy } from "./policy-schema";
import type { AlertChange, AlertCondition, AlertScope } from "./types";

export interface AlertDeps {
  prisma: PrismaClient;
  /** Needed for proactive diagnosis only. */
  odoo?: OdooClient;
  mailchimp?: MailchimpClient;
  /** Where audience webhooks should point; unset: webhooks are not judged. */
  webhookUrl?: string;
  /** Hands opened and resolved alerts to delivery (the webhook job); unset: console only. */
  notify?: (changes: AlertChange[]) => Promise<void>;
  log: Logger;
  now?: () => Date;
}

const scope = (...kinds: AlertKind[]): AlertScope => ({ kinds });
export const SCOPES = {
  runs: scope("run_failed", "run_stalled", "exceptions_spike", "mailchimp_throttled", "mailchimp_errors"),
  consent: scope("consent_writebacks_failed", "consent_approval_waiting"),
  lag: scope("lag_high"),
  odoo: scope("odoo_schema_drift"),
  mailchimp: scope("mailchimp_audience_missing", "webhook_missing", "webhook_unhealthy", "mailchimp_merge_fields"),
  stores: scope("store_syncing"),
} as const;

async function apply(deps: AlertDeps, s: AlertScope, found: AlertCondition[], policy: AlertsPolicy): Promise<AlertChange[]> {
  const changes = await applyConditions(deps.prisma, s, found, policy, (deps.now ?? (() => new Date()))());
  if (changes.length > 0) {
    deps.log.info({ changes: changes.map((c) => `${c.event} ${c.kind} #${c.id}`) }, "alerts changed");
    await deps.notify?.(changes);
  }
  return changes;
}

async function activePolicy(prisma: PrismaClient): Promise<Policy | null> {
  return (await getActivePolicy(prisma))?.policy ?? null;
}

/** After each run (and on schedule): run health and consent. */
export async function evaluateRunHealth(deps: AlertDeps): Promise<void> {
  const policy = (await activePolicy(deps.prisma))?.alerts ?? DEFAULT_ALERTS_POLICY;
  const now = (deps.now ?? (() => new Date()))();
  await apply(deps, SCOPES.runs, decideRunAlerts(await readRunSignals(deps.prisma), policy, now), policy);
  await apply(deps, SCOPES.consent, decideConsentAlerts(await readConsentSignals(deps.prisma)), policy);
}

/**
 * After each run (and on schedule): e-commerce stores left in is_syncing, as Bridgeline recorded them and, with a
 * Mailchimp client, as Mailchimp reports them. When Mailchimp cannot be asked, nothing opens or resolves: a store
 * only Mailchimp knows to be syncing must not resolve for want of an answer.
 */
export async function evaluateStores(deps: AlertDeps): Promise<void> {
  const policy = (await activePolicy(deps.prisma))?.alerts ?? DEFAULT_ALERTS_POLICY;
  let signals;
  try {
    signals = await readStoreSignals(deps.prisma, deps.mailchimp);
  } catch (err) {
    deps.log.warn({ err }, "could not ask Mailchimp for its stores; stores left syncing not checked");
    return;
  }
  await apply(deps, SCOPES.stores, decideStoreAlerts(signals, policy, (deps.now ?? (() => new Date()))()), policy);
}

/** After each reconciliation pass (and on schedule): the lag of the latest succeeded pass. */
export async function evaluateLag(deps: AlertDeps): Promise<void> {
  const policy = (await activePolicy(deps.prisma))?.alerts ?? DEFAULT_ALERTS_POLICY;
  const pass = await deps.prisma.reconcilePass.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: { oldestPendingAt: true } });
  await apply(deps, SCOPES.lag, decideLagAlert(pass?.oldestPendingAt ?? null, policy, (deps.now ?? (() => new Date()))()), policy);
}

export interface Diagnosis {
  /** The findings that must stop a run before it writes: Odoo drift, and routed audiences Mailchimp does not have. */
  blocking: AlertCondition[];
  checked: { odoo: boolean; mailchimp: boolean };
}

/**
 * Proactive diagnosis: Odoo's fields_get and Mailchimp's merge fields and webhooks against the policy. A side
 * that cannot be asked is logged and left as it was (its alerts neither open nor resolve): the run that follows
 * fails on its own if Odoo is down.
 */
export async function diagnose(deps: AlertDeps, policy?: Policy): Promise<Diagnosis> {
  const p = policy ?? (await activePolicy(deps.prisma));
  const out: Diagnosis = { blocking: [], checked: { odoo: false, mailchimp: false } };
  if (!p) return out;
  if (deps.odoo) {
    try {
      out.blocking = await diagnoseOdoo(deps.prisma, deps.odoo, p);
      out.checked.odoo = true;
    } catch (err) {
      deps.log.warn({ err }, "could not ask Odoo for its fields; schema drift not checked");
    }
    if (out.checked.odoo) await apply(deps, SCOPES.odoo, out.blocking, p.alerts);
  }
  if (deps.mailchimp) {
    const audiences = [...new Set(p.routing.rules.map((r) => r.audienceId))].sort();
    let found: AlertCondition[] | undefined;
    try {
      found = await diagnoseMailchimp(deps.mailchimp, p, audiences, deps.webhookUrl);
      out.checked.mailchimp = true;
    } catch (err) {
      deps.log.warn({ err }, "could not ask Mailchimp for merge fields and webhooks; not checked");
    }
    // Only the audiences routed today are judged: an alert on an audience the policy no longer uses resolves.
    if (found) {
      await apply(deps, SCOPES.mailchimp, found, p.alerts);
      out.blocking.push(...found.filter((f) => f.kind === "mailchimp_audience_missing"));
    }
  }
  return out;
}

/** The schedule: everything. */
export async function evaluateAll(deps: AlertDeps): Promise<void> {
  await diagnose(deps);
  await evaluateRunHealth(deps);
  await evaluateStores(deps);
  await evaluateLag(deps);
}

/** The text a run fails with when diagnosis found Odoo drift or a routed audience missing: what, and what to do. */
export function blockingMessage(blocking: AlertCondition[]): string {
  const drift = blocking.filter((b) => b.kind === "odoo_schema_drift");
  const parts = drift.length > 0 ? [`Odoo's schema no longer matches the mapping (${drift.map((b) => b.title).join("; ")}).`] : [];
  for (const b of blocking) if (b.kind === "mailchimp_audience_missing") parts.push(`${b.title}. ${b.action}`);
  return `Stopped before any write: ${parts.join(" ")} See Alerts.`;
}

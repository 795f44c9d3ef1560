import type { AlertKind } from "@/lib/alerts/kinds";
import { DEFAULT_APPROVAL_THRESHOLD, MAX_WRITEBACK_ATTEMPTS, writebackDelayMs } from "@/lib/consent";

export interface RunbookEntry {
  q: string;
  a: string;
}

// How long a write-back keeps retrying an unreachable Odoo before it is left failed: the sum of its waits.
const retryHours = Math.round(Array.from({ length: MAX_WRITEBACK_ATTEMPTS - 1 }, (_, i) => writebackDelayMs(i + 1)).reduce((a, b) => a + b, 0) / 3_600_000);

/**
 * The runbook: what to do when something looks wrong, said as the product behaves today. Numbers come from
 * the code that enforces them, so an answer cannot drift from the behaviour it describes.
 */
export const RUNBOOK: RunbookEntry[] = [
  {
    q: "The health badge says the database is unreachable",
    a: "The console cannot reach Postgres. With the embedded default, restart `npm run demo` or `npm start`; a stale lock is cleared on start. With DATABASE_URL set, check that the server answers (`pg_isready -h HOST`) and that the URL's user can connect. GET /api/health shows the error.",
  },
  {
    q: "Someone is locked out of the console",
    a: "Five failed sign-ins for one email within 15 minutes lock that email for the rest of the window (thirty per IP address). Wait for the time the sign-in page shows, or have an admin check Settings → Console users that the account is active. Audit lists every sign-in, every failed one (the email tried, the IP and why it failed, never the password) and the lockout it started.",
  },
  {
    q: "A colleague needs access",
    a: "An admin adds them in Settings → Console users with the role that matches their job: marketing (audiences and consent), finance (revenue), ops (exceptions and runs) or admin (everything, including settings). With SSO configured, users who sign in through the identity provider get OIDC_DEFAULT_ROLE or must be added first.",
  },
  {
    q: "Someone unsubscribed in Mailchimp but still gets emails from Odoo",
    a: `Mailchimp is the master of consent, and its opt-outs flow back to Odoo by themselves: unsubscribes and bounces (cleaned) reach Bridgeline through each audience's webhook, and the worker also polls every audience (every 10 minutes by default, \`--consent-poll-seconds\`) for any a lost webhook would hide. Each becomes a write-back that adds the address to Odoo's blacklist (Email Marketing → Configuration → Blacklisted Email Addresses), which Odoo's own mailings honour. On Consent, "Opted out in Mailchimp, not yet confirmed in Odoo" lists whoever is still waiting and why: a pending write-back (Odoo did not answer: it is retried for about ${retryHours} hours), a failed one with Odoo's error, or none yet (the next poll or event creates it). Nothing flows unless a worker runs: \`npm run worker\`, or the demo's own.`,
  },
  {
    q: "Consent shows changes waiting for an admin",
    a: `When one batch of Mailchimp events would opt more than ${DEFAULT_APPROVAL_THRESHOLD} people out in Odoo (an audience cleaned or unsubscribed in bulk by mistake, say), its write-backs wait instead of landing. An admin approves them on Consent, and they are applied at once, or rejects them: Odoo keeps its current state and the write-backs are closed as failed with the reason. Decisions are recorded in Audit. Other roles see the batch but cannot decide it.`,
  },
  {
    q: "Someone resubscribed in Mailchimp but Odoo still blacklists them",
    a: "Bridgeline records the resubscription (Consent → Recent Mailchimp events) but does not take the address off Odoo's blacklist: the opt-out may have come from another channel. If the person asks, remove it in Odoo by hand.",
  },
  {
    q: "Consent says an audience's webhook is missing, points elsewhere or has \"api\" ticked",
    a: "Every sync run (dry runs aside) registers or repairs the webhook of each audience it routes to, when the worker has MAILCHIMP_WEBHOOK_SECRET and a public URL (MAILCHIMP_WEBHOOK_BASE_URL, else NEXTAUTH_URL) set; set them, then start a run. Until the webhook works, the worker's poll still brings opt-outs back, only later. \"api\" must stay unticked: Bridgeline's own writes would echo back as events.",
  },
  {
    q: "A customer is missing from Mailchimp and Exceptions says \"Staff address on a customer\"",
    a: "The customer's email in Odoo belongs to a staff member: an internal user, an employee (their work contact or work email) or a contact flagged as employee. Bridgeline treats it as the work address reused, never as a marketing contact, and lists both Odoo partners. Give the customer an address of their own in Odoo, or correct the staff member's; the next full run sends the customer and resolves the exception.",
  },
  {
    q: "Mailchimp answers 429 or 403 during a bulk load",
    a: "Mailchimp allows 10 simultaneous connections per API key. Bridgeline is built to stay under that for all of its workers together; other tools using the same key share the limit, so give Bridgeline its own API key.",
  },
];

export interface AlertRunbookEntry {
  /** What it means, for marketing and ops staff. */
  means: string;
  /** The steps to fix it, in order. */
  steps: string[];
}

/**
 * One entry per alert kind (lib/alerts/kinds.ts), rendered on the Runbook page under the anchor each alert
 * links to. tests/alerts/runbook-kinds.test.ts fails when a kind has no entry.
 */
export const ALERT_RUNBOOK: Record<AlertKind, AlertRunbookEntry> = {
  run_failed: {
    means: "The last sync run stopped with an error: changes made in Odoo since the previous good run are not in Mailchimp yet.",
    steps: ["Open Sync runs and the failed run: its error says what stopped it.", "Fix the cause (a connection, the policy, an Odoo field: a schema drift alert names it).", "Start an incremental run; the alert clears when a run succeeds."],
  },
  run_stalled: {
    means: "A run is queued, planning or running, but nothing has moved for longer than the policy's stalledMinutes.",
    steps: ["Check that at least one worker runs (`npm run worker`) and reaches Postgres, Odoo and Mailchimp.", "A crashed worker's jobs are taken over by a live one about 20 s after its last heartbeat (the run page counts them); if none runs, start one.", "If the run must stop, cancel it from Sync runs; the alert clears when the run moves again or ends."],
  },
  exceptions_spike: {
    means: "One run raised many new exceptions at once (above the policy's exceptionSpikeRate and exceptionSpikeMin): usually one change in Odoo, not many bad records.",
    steps: ["Open Exceptions and filter by the kind with the most new rows.", "Look for the common cause: an import without emails, a new company with no routing rule, a policy change.", "Fix it at the source; the alert clears after a run without the spike."],
  },
  mailchimp_throttled: {
    means: "Mailchimp answered 429 (too many requests) more often than the policy's throttlesPerRun: Bridgeline retried, but runs get slower.",
    steps: ["Give Bridgeline a Mailchimp API key of its own: the 10-connection limit is per key, shared with every tool using it.", "Check Sync runs for runs overlapping with other bulk jobs.", "The alert clears after a run with fewer throttles."],
  },
  mailchimp_errors: {
    means: "Mailchimp rejected or failed more records than the policy's errorRate, or many requests needed retrying (5xx, resets).",
    steps: ["Open the run's batches for Mailchimp's error texts and Exceptions for the rejected members.", "Check Mailchimp's status page for an outage; transient errors clear by themselves.", "The alert clears after a run below the thresholds."],
  },
  lag_high: {
    means: "Reconciliation found an Odoo change older than the policy's lagMinutes that is still not in Mailchimp.",
    steps: ["Check that the scheduler calls POST /api/cron/sync and that runs succeed (a failed or stalled run has its own alert).", "Start an incremental run; the alert clears at the next read-back after it."],
  },
  consent_writebacks_failed: {
    means: "Opt-outs from Mailchimp could not be written to Odoo's blacklist: these people may still receive Odoo's own mailings.",
    steps: ["Open Consent: pending and failed write-backs show Odoo's error.", "Check that Odoo is reachable and that Bridgeline's Odoo user may write mail.blacklist.", "Failed write-backs are retried; the alert clears when none is failing."],
  },
  consent_approval_waiting: {
    means: "A batch of consent changes larger than the approval threshold is held until an admin decides.",
    steps: ["An admin opens Consent → approvals and checks the sample.", "Approve (applied at once) or reject (Odoo keeps its state); the alert clears when nothing waits."],
  },
  webhook_missing: {
    means: "An audience has no Bridgeline webhook (deleted in Mailchimp, or pointing at an old address): unsubscribes reach Odoo only through the slower poll.",
    steps: ["Check MAILCHIMP_WEBHOOK_SECRET and the public URL (MAILCHIMP_WEBHOOK_BASE_URL or NEXTAUTH_URL).", "Start a run (not a dry run): it registers the webhook.", "Press Check now on Alerts (or wait for the schedule): the alert clears."],
  },
  webhook_unhealthy: {
    means: "The audience's webhook exists but is misconfigured (events off, \"api\" source ticked) or Mailchimp could not be asked.",
    steps: ["In Mailchimp (Audience → Settings → Webhooks) untick \"api\" or delete Bridgeline's webhook.", "Start a run: it registers the webhook as it should be; the next check clears the alert."],
  },
  mailchimp_audience_missing: {
    means: "A routing rule sends contacts to an audience Mailchimp does not have (deleted in Mailchimp, or a wrong id in the policy): nothing can be written there, not its members, their managed tags nor its consent webhook, and every run fails those contacts.",
    steps: ["Read the alert: it names the audience id and the routing rules that use it.", "If the id is wrong, correct it in Settings → Policy (the routing simulator shows where a contact would go). If the audience was deleted, recreate it in Mailchimp and route the rules to its new id.", "Start a full run: it fills the audience, its merge fields and its webhook; the check after it clears the alert."],
  },
  mailchimp_merge_fields: {
    means: "A merge field Bridgeline fills was retyped in Mailchimp: values would be refused or mangled.",
    steps: ["In Mailchimp (Audience → Settings → Audience fields) delete the retyped field.", "Start a full run: Bridgeline recreates it with the right type; the next check clears the alert."],
  },
  odoo_schema_drift: {
    means: "A field the mapping reads changed in Odoo (removed, renamed, retyped, or a selection value added or removed). Runs stop before writing anything until it is fixed.",
    steps: ["Read the alert: it names the field, what changed and what it is used for.", "Restore the field in Odoo, or change the policy (Settings → Policy) to the new field; a new selection value needs the engine taught how to treat it.", "Press Check now on Alerts: the alert clears, and the next run goes ahead."],
  },
  store_syncing: {
    means: "An e-commerce store has had is_syncing on for longer than the policy allows (alerts.storeSyncingMinutes) while no commerce step runs: Mailchimp sends no order confirmation or abandoned-cart email for it. A commerce step that crashed or was cancelled leaves it on.",
    steps: ["Start an incremental run: its commerce step switches off every store Bridgeline recorded as syncing.", "A store Bridgeline did not record (another tool's, or switched on by hand): set is_syncing false in Mailchimp, or ask whoever owns it.", "Press Check now on Alerts: the alert clears once Mailchimp reports the store off."],
  },
};

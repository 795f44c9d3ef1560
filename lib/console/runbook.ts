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

import { ConsolePage, pageMetadata } from "@/components/console-page";

export const metadata = pageMetadata("runbook");

const ENTRIES: { q: string; a: string }[] = [
  {
    q: "The health badge says the database is unreachable",
    a: "The console cannot reach Postgres. With the embedded default, restart `npm run demo` or `npm start`; a stale lock is cleared on start. With DATABASE_URL set, check that the server answers (`pg_isready -h HOST`) and that the URL's user can connect. GET /api/health shows the error.",
  },
  {
    q: "Someone is locked out of the console",
    a: "Five failed sign-ins for one email within 15 minutes lock that email for the rest of the window (thirty per IP address). Wait for the time the sign-in page shows, or have an admin check Settings → Console users that the account is active. Lockouts and sign-ins are in Audit.",
  },
  {
    q: "A colleague needs access",
    a: "An admin adds them in Settings → Console users with the role that matches their job: marketing (audiences and consent), finance (revenue), ops (exceptions and runs) or admin (everything, including settings). With SSO configured, users who sign in through the identity provider get OIDC_DEFAULT_ROLE or must be added first.",
  },
  {
    q: "Someone unsubscribed in Mailchimp but still gets emails from Odoo",
    a: "Mailchimp is the master of consent. Its unsubscribes flow back to Odoo's blacklist; until consent sync is live, add the address to Odoo's blacklist by hand (Email Marketing → Configuration → Blacklisted Email Addresses).",
  },
  {
    q: "Mailchimp answers 429 or 403 during a bulk load",
    a: "Mailchimp allows 10 simultaneous connections per API key. Bridgeline is built to stay under that for all of its workers together; other tools using the same key share the limit, so give Bridgeline its own API key.",
  },
];

export default function RunbookPage() {
  return (
    <ConsolePage slug="runbook">
      <div className="space-y-3">
        {ENTRIES.map((e) => (
          <details key={e.q} className="rounded-lg border border-slate-200 bg-white p-4 open:shadow-sm">
            <summary className="cursor-pointer font-medium">{e.q}</summary>
            <p className="mt-2 text-sm leading-6 text-slate-600">{e.a}</p>
          </details>
        ))}
      </div>
    </ConsolePage>
  );
}

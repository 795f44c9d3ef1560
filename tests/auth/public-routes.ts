/**
 * The only route handlers under app/api that answer without a session, each with the reason. Everything
 * else must be built with withRoles (checked statically in tests/auth/entry-points.test.ts and at run time
 * in e2e/entry-points.spec.ts). Adding a line here is a security decision: say why in the commit.
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "load balancers and the demo launcher probe it; it reveals no data",
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints: how a session is obtained",
  "app/api/cron/sync/route.ts": "called by schedulers, not people: authenticated by its own CRON_SECRET bearer check (fails closed when unset)",
  "app/api/cron/reconcile/route.ts": "called by schedulers, not people: authenticated by its own CRON_SECRET bearer check (fails closed when unset)",
  "app/api/cron/alerts/route.ts": "called by schedulers, not people: authenticated by its own CRON_SECRET bearer check (fails closed when unset)",
  "app/api/webhooks/mailchimp/[secret]/route.ts": "Mailchimp's webhook deliveries carry no session; the secret in the path is the credential (404 otherwise)",
};

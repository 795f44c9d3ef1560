/**
 * The only route handlers under app/api that answer without a session, each with the reason. Everything
 * else must be built with withRoles (checked statically in tests/auth/entry-points.test.ts and at run time
 * in e2e/entry-points.spec.ts). Adding a line here is a security decision: say why in the commit.
 */
export const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "load balancers and the demo launcher probe it; it reveals no data",
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints: how a session is obtained",
};

import { checkDatabase, type DatabaseHealth } from "@/lib/db/health";

/**
 * Whether the console's pages can be rendered: every page reads the database (the session check first), so while
 * Postgres is down they would all fail with a 500. The proxy asks here before a page and serves the "database
 * unavailable" page instead (503, retried by the browser). One bounded check answers for CACHE_MS, so a busy
 * console costs Postgres at most one `SELECT 1` per interval; kept on globalThis because the proxy and the app
 * are separate bundles in one process.
 */
const CACHE_MS = 2_000;

interface Cached {
  at: number;
  health: Promise<DatabaseHealth>;
}

const store = globalThis as { bridgelineDatabaseGate?: Cached };

export async function databaseOutage(o: { now?: number; check?: () => Promise<DatabaseHealth> } = {}): Promise<DatabaseHealth | null> {
  const now = o.now ?? Date.now();
  const cached = store.bridgelineDatabaseGate;
  if (!cached || now - cached.at >= CACHE_MS) {
    store.bridgelineDatabaseGate = { at: now, health: (o.check ?? (() => checkDatabase({ timeoutMs: 1_500 })))() };
  }
  const health = await store.bridgelineDatabaseGate!.health;
  return health.status === "up" ? null : health;
}

/** Page navigations, not API calls (they answer 503 JSON themselves, lib/api/errors.ts) or build assets. */
export function isPageRequest(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(pathname);
}

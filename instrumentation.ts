/**
 * Runs once when a Next.js server process starts: applies pending migrations (idempotent, under an
 * advisory lock, so several app processes starting together are safe) before the first request, and in
 * demo mode attaches a sync worker to this process so the demo needs no second one.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const env = getEnv();
  if (!env.DATABASE_URL) return;
  const { migrate } = await import("@/lib/db/migrate");
  const { logger } = await import("@/lib/logger");
  const result = await migrate(env.DATABASE_URL);
  if (result.applied.length > 0) logger.info({ applied: result.applied }, "database migrated");
  if (env.mode === "demo") {
    const { startDemoWorker } = await import("@/lib/sync/run/demo-worker");
    await startDemoWorker();
  }
}

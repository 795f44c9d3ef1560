import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RunSignals } from "./decide-run-alerts";

/** What decideRunAlerts needs, read in three small queries (indexed on status and created_at). */
export async function readRunSignals(prisma: PrismaClient): Promise<RunSignals> {
  const [latest] = await prisma.$queryRaw<Array<{
    id: string; mode: string; status: "succeeded" | "failed"; error: string | null; considered: number; new_exceptions: number;
    had_previous: boolean; sent: number; failed: number; throttles: number; retries: number;
  }>>`
    SELECT r.id::text, r.mode::text, r.status::text, r.error,
      (r.planned_new + r.planned_update + r.unchanged + r.excluded + r.exceptions)::int AS considered,
      (SELECT count(*) FROM sync_exceptions e WHERE e.first_run_id = r.id)::int AS new_exceptions,
      EXISTS (SELECT 1 FROM sync_runs p WHERE p.status IN ('succeeded', 'failed') AND NOT p.dry_run AND p.created_at < r.created_at) AS had_previous,
      r.sent, r.failed, r.throttles, r.retries
    FROM sync_runs r
    WHERE r.status IN ('succeeded', 'failed') AND NOT r.dry_run
    ORDER BY r.created_at DESC LIMIT 1`;
  const active = await prisma.$queryRaw<Array<{ id: string; status: string; alive_at: Date }>>`
    SELECT id::text, status::text, coalesce(heartbeat_at, started_at, created_at) AS alive_at
    FROM sync_runs WHERE status IN ('queued', 'planning', 'running')`;
  return {
    latest: latest
      ? { id: latest.id, mode: latest.mode, status: latest.status, error: latest.error, considered: latest.considered, newExceptions: latest.new_exceptions,
          hadPrevious: latest.had_previous, sent: latest.sent, failed: latest.failed, throttles: latest.throttles, retries: latest.retries }
      : null,
    active: active.map((a) => ({ id: a.id, status: a.status, aliveAt: a.alive_at })),
  };
}

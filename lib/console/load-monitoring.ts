import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { describeMonitoring, type CallRow, type MonitoringView } from "./describe-monitoring";
import { ACTIVE_RUN_STATUSES } from "./list-runs";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The Overview's trend: the last two weeks, a point per day. */
export const TREND_DAYS = 14;

type Raw = { bucket: Date; endpoint: string; outcome: string; calls: number; wait_ms: bigint; max_wait_ms: number; duration_ms: bigint };
const toRow = (r: Raw): CallRow => ({ bucket: r.bucket, endpoint: r.endpoint, outcome: r.outcome, calls: r.calls, waitMs: Number(r.wait_ms), maxWaitMs: r.max_wait_ms, durationMs: Number(r.duration_ms) });

export interface RunMonitoringView extends MonitoringView {
  runId: string;
  active: boolean;
}

/**
 * One run's Mailchimp calls per minute by endpoint and outcome, governor waits, and the members and orders its
 * batches settled per minute (sync_batches.finished_at), from the worker's flushed counts (lib/metrics).
 */
export async function loadRunMonitoring(runId: string, o: { prisma?: PrismaClient } = {}): Promise<RunMonitoringView | null> {
  const prisma = o.prisma ?? getPrisma();
  const run = await prisma.syncRun.findUnique({ where: { id: runId }, select: { id: true, status: true, startedAt: true, finishedAt: true } });
  if (!run) return null;
  const [rows, batches] = await Promise.all([
    prisma.$queryRaw<Raw[]>`SELECT bucket, endpoint, outcome, calls, wait_ms, max_wait_ms, duration_ms FROM mailchimp_call_stats WHERE run_id = ${runId}::uuid`,
    prisma.$queryRaw<Array<{ at: Date; records: bigint }>>`
      SELECT date_trunc('minute', finished_at) AS at, sum(sent_count + failed_count) AS records FROM sync_batches
      WHERE run_id = ${runId}::uuid AND finished_at IS NOT NULL GROUP BY 1`,
  ]);
  const view = describeMonitoring(rows.map(toRow), {
    stepMs: MINUTE, records: batches.map((b) => ({ at: b.at, records: Number(b.records) })),
    ...(run.startedAt ? { from: run.startedAt } : {}), ...(run.finishedAt ? { to: run.finishedAt } : {}),
  });
  return { runId: run.id, active: (ACTIVE_RUN_STATUSES as readonly string[]).includes(run.status), ...view };
}

/** Every Mailchimp call of the last TREND_DAYS days (runs, consent polls, read-backs), a point per day. */
export async function loadCallTrend(o: { prisma?: PrismaClient; now?: Date } = {}): Promise<MonitoringView> {
  const prisma = o.prisma ?? getPrisma();
  const now = o.now ?? new Date();
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - (TREND_DAYS - 1) * DAY);
  const rows = await prisma.$queryRaw<Raw[]>`
    SELECT date_trunc('day', bucket AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket, endpoint, outcome, sum(calls)::int AS calls, sum(wait_ms)::bigint AS wait_ms,
      max(max_wait_ms) AS max_wait_ms, sum(duration_ms)::bigint AS duration_ms
    FROM mailchimp_call_stats WHERE bucket >= ${from} GROUP BY 1, 2, 3`;
  return describeMonitoring(rows.map(toRow), { stepMs: DAY, from, to: now });
}

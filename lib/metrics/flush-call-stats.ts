import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CallStats, CallStatRow } from "./call-stats";

/** Kept this long, then pruned by the flusher (charts show a run and the last weeks). */
export const CALL_STATS_RETENTION_DAYS = 90;

/** Adds the rows to mailchimp_call_stats (one upsert; a minute flushed twice adds up). */
export async function writeCallStats(prisma: Pick<PrismaClient, "$executeRaw">, rows: CallStatRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ ...r, bucket: r.bucket.toISOString() })));
  await prisma.$executeRaw`
    INSERT INTO mailchimp_call_stats AS s (bucket, run_id, endpoint, outcome, calls, wait_ms, max_wait_ms, duration_ms)
    SELECT r."bucket", r."runId", r."endpoint", r."outcome", r."calls", r."waitMs", r."maxWaitMs", r."durationMs"
    FROM jsonb_to_recordset(${json}::jsonb) AS r("bucket" timestamptz, "runId" uuid, "endpoint" text, "outcome" text, "calls" int, "waitMs" bigint, "maxWaitMs" int, "durationMs" bigint)
    ON CONFLICT (bucket, run_id, endpoint, outcome) DO UPDATE SET calls = s.calls + EXCLUDED.calls, wait_ms = s.wait_ms + EXCLUDED.wait_ms,
      max_wait_ms = greatest(s.max_wait_ms, EXCLUDED.max_wait_ms), duration_ms = s.duration_ms + EXCLUDED.duration_ms`;
}

/**
 * Writes what the worker counted every `everyMs`, and once more on stop. A failed write keeps the rows for the
 * next try (the database may be restarting); old rows are pruned about once an hour.
 */
export function startCallStatsFlusher(prisma: PrismaClient, stats: CallStats, o: { everyMs?: number; log?: Logger } = {}): () => Promise<void> {
  let flushes = 0;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    running = running.then(async () => {
      const rows = stats.drain();
      try {
        await writeCallStats(prisma, rows);
        if (flushes++ % 720 === 0) await prisma.$executeRaw`DELETE FROM mailchimp_call_stats WHERE bucket < now() - make_interval(days => ${CALL_STATS_RETENTION_DAYS})`;
      } catch (err) {
        stats.restore(rows);
        o.log?.warn({ err: err instanceof Error ? err.message : String(err), rows: rows.length }, "could not write Mailchimp call stats; kept for the next flush");
      }
    });
    return running;
  };
  const timer = setInterval(() => void flush(), o.everyMs ?? 5_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flush();
  };
}

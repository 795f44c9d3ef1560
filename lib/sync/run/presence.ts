import type pg from "pg";
import type { Session } from "@/lib/sync/governor";
import { lockSpace } from "@/lib/sync/governor";

const PRESENCE_NS = lockSpace("bridgeline:worker-presence");

/** A worker holds this shared lock for its lifetime on its own session; it vanishes with the process. */
export async function announceWorker(locks: Session): Promise<void> {
  await locks.query("SELECT pg_advisory_lock_shared($1::int, 0)", [PRESENCE_NS]);
}

/** Whether any worker process is attached to this database (the CLI then leaves the run to it). */
export async function workerIsRunning(client: pg.Client | pg.Pool): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 2 AND granted AND classid = $1::bigint::oid AND objid = 0
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [PRESENCE_NS],
  );
  return (rows[0]?.n ?? 0) > 0;
}

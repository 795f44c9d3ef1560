import type { Session } from "@/lib/sync/governor";
import { lockSpace } from "@/lib/sync/governor";

const BATCH_NS = lockSpace("bridgeline:batch-owner");
const inProcess = new Set<string>();

/**
 * Who is executing a batch right now. A job that pg-boss retries after expiry may meet the first attempt still
 * running (slow, not dead): the session lock tells them apart, and dies with a crashed worker's connection.
 * Session locks are reentrant, so this process' own attempts are told apart in memory.
 */
export async function tryLockBatch(locks: Session, batchId: string): Promise<(() => Promise<void>) | null> {
  if (inProcess.has(batchId)) return null;
  inProcess.add(batchId);
  const key = lockSpace(batchId);
  try {
    const { rows } = await locks.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS ok", [BATCH_NS, key]);
    if (!rows[0]?.ok) {
      inProcess.delete(batchId);
      return null;
    }
  } catch (err) {
    inProcess.delete(batchId);
    throw err;
  }
  return async () => {
    inProcess.delete(batchId);
    await locks.query("SELECT pg_advisory_unlock($1::int, $2::int)", [BATCH_NS, key]);
  };
}

export class BatchBusyError extends Error {
  override name = "BatchBusyError";
  constructor(readonly batchId: string) {
    super(`Batch ${batchId} is being executed by another attempt; retrying later`);
  }
}

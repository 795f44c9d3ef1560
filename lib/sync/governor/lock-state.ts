import type { Session } from "./session";

export interface LockState {
  /** Slots held by any session (this one included). */
  busySlots: Set<number>;
  /** Most urgent rank another session is waiting at, or Infinity. */
  otherWaitingRank: number;
}

/**
 * One look at pg_locks: which slots are taken and whether another process has someone more urgent waiting.
 * Advisory locks of the two-int form appear with objsubid 2, classid = first key, objid = second key.
 */
export async function readLockState(client: Session, slotNs: number, waitNs: number): Promise<LockState> {
  const { rows } = await client.query<{ ns: number; key: number; mine: boolean }>(
    `SELECT classid::bigint::int AS ns, objid::bigint::int AS key, pid = pg_backend_pid() AS mine
       FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 2 AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid IN ($1::bigint::oid, $2::bigint::oid)`,
    [slotNs, waitNs],
  );
  const busySlots = new Set<number>();
  let otherWaitingRank = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.ns === slotNs) busySlots.add(row.key);
    else if (!row.mine) otherWaitingRank = Math.min(otherWaitingRank, row.key);
  }
  return { busySlots, otherWaitingRank };
}

/** Tries exactly the given slots (no LIMIT: Postgres may evaluate lock calls beyond one). */
export async function tryLockSlots(client: Session, slotNs: number, slots: number[]): Promise<number[]> {
  if (slots.length === 0) return [];
  const { rows } = await client.query<{ slot: number; ok: boolean }>(
    "SELECT s AS slot, pg_try_advisory_lock($1::int, s) AS ok FROM unnest($2::int[]) AS s",
    [slotNs, slots],
  );
  return rows.filter((r) => r.ok).map((r) => r.slot);
}

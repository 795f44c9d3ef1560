import type PgBoss from "pg-boss";

/** Postgres codes of two processes creating the same pg-boss queue at once: deadlock, duplicate key, duplicate table. */
const CREATION_RACE = new Set(["40P01", "23505", "42P07"]);
const ATTEMPTS = 5;

/**
 * Makes sure a pg-boss queue exists with these options. Workers started together (the bench's two, a deploy's
 * several) create the same queues at the same moment, and pg-boss 10's createQueue (a row plus a partition table)
 * can then deadlock or collide: one process loses (40P01 seen in `npm test`, the worker died before it was ready).
 * The loser looks again, finds the queue the winner made, and goes on. `update: false` leaves an existing queue as
 * it is.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: PgBoss.Queue, o: { update?: boolean } = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
      else if (o.update !== false) await boss.updateQueue(name, options);
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== "string" || !CREATION_RACE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}

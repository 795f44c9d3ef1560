import type PgBoss from "pg-boss";
import { z } from "zod";
import { ensureQueue } from "@/lib/sync/run/ensure-queue";

/** The read-back's one job: a whole pass. Retried once if its worker dies (the pass restarts from scratch). */
export const PASS_JOB = "reconcile.pass";
export const passJobData = z.object({ passId: z.uuid() });
export type PassJobData = z.infer<typeof passJobData>;

/** A pass of a 100k audience takes about a minute; a job still active after this was on a dead worker. */
const PASS_QUEUE = { retryLimit: 1, retryDelay: 30, expireInSeconds: 30 * 60 };

export interface PassQueue {
  sendPass(passId: string): Promise<void>;
}

/** pg-boss 10 refuses sends to a queue that does not exist: senders and workers both make sure it does. */
export async function ensurePassQueue(boss: PgBoss): Promise<void> {
  await ensureQueue(boss, PASS_JOB, { name: PASS_JOB, ...PASS_QUEUE });
}

export async function bossPassQueue(boss: PgBoss): Promise<PassQueue> {
  await ensurePassQueue(boss);
  return {
    async sendPass(passId) {
      // One job per pass (its id), so a repeated send is a no-op.
      await boss.send(PASS_JOB, { passId }, { id: passId });
    },
  };
}

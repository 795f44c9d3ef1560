import type PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { bossQueue, startBoss, type RunQueue } from "./queue";

const holder = globalThis as unknown as { bridgelineQueueBoss?: Promise<PgBoss> };

/**
 * A send-only pg-boss client for request handlers (the cron routes, console actions): no maintenance, no
 * handlers. One per process, parked on globalThis so dev-server reloads do not leak pools.
 */
export function getQueueBoss(): Promise<PgBoss> {
  holder.bridgelineQueueBoss ??= (async () => {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the run queue lives in the application database");
    return startBoss(url, {}, { supervise: false });
  })().catch((err: unknown) => {
    holder.bridgelineQueueBoss = undefined;
    throw err;
  });
  return holder.bridgelineQueueBoss;
}

export function getRunQueue(): Promise<RunQueue> {
  return getQueueBoss().then(bossQueue);
}

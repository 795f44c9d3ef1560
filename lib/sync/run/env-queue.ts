import { getEnv } from "@/lib/env";
import { bossQueue, startBoss, type RunQueue } from "./queue";

const holder = globalThis as unknown as { bridgelineRunQueue?: Promise<RunQueue> };

/**
 * A send-only queue for request handlers (the cron route, console actions): no maintenance, no handlers.
 * One per process, parked on globalThis so dev-server reloads do not leak pools.
 */
export function getRunQueue(): Promise<RunQueue> {
  holder.bridgelineRunQueue ??= (async () => {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the run queue lives in the application database");
    return bossQueue(await startBoss(url, {}, { supervise: false }));
  })().catch((err: unknown) => {
    holder.bridgelineRunQueue = undefined;
    throw err;
  });
  return holder.bridgelineRunQueue;
}

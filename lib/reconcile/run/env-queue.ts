import { getQueueBoss } from "@/lib/sync/run/env-queue";
import { bossPassQueue, type PassQueue } from "./jobs";

/** The request handlers' sender of read-back passes, on the process' one send-only pg-boss client. */
export function getPassQueue(): Promise<PassQueue> {
  return getQueueBoss().then(bossPassQueue);
}

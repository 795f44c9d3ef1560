import { logger } from "@/lib/logger";
import { workerOptionsFromEnv } from "./cli-options";
import { superviseWorker } from "./liveness/supervise-worker";

/** The demo's worker lives in the console's own process (instrumentation.ts); production runs `npm run worker`. */
export async function startDemoWorker(): Promise<void> {
  // Polls every 30 s so an unsubscribe made in the emulator shows up quickly even without the webhook.
  const options = workerOptionsFromEnv(new Map([["consent-poll-seconds", "30"]]));
  const worker = await superviseWorker({ ...options, announce: true, concurrency: 2 });
  logger.info("demo: sync worker attached to the console process");
  process.once("SIGTERM", () => void worker.stop({ timeoutMs: 5_000 }));
}

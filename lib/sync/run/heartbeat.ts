import type { Db } from "./db";
import type { Logger } from "pino";

/** Keeps sync_runs.heartbeat_at fresh while this process works on the run, so the console can tell a live run from a stuck one. */
export function startHeartbeat(prisma: Db, runId: string, everyMs: number, log: Logger): () => void {
  const beat = () =>
    prisma.syncRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } }).catch((err: unknown) => {
      log.warn({ err, runId }, "run heartbeat failed");
    });
  void beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

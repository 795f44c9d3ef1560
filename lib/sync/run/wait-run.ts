import type { SyncRun } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db/health";
import { TERMINAL_RUN_STATUSES, type Db } from "./db";

/**
 * Polls the run row until it ends (or the deadline passes: then the run as it stands). With `whileUnavailable`, a
 * database that cannot be reached is waited for (each failed poll is reported to it) instead of ending the wait.
 */
export async function waitForRun(
  prisma: Db, runId: string, opts: { timeoutMs?: number; intervalMs?: number; whileUnavailable?: (err: unknown) => void } = {},
): Promise<SyncRun> {
  const deadline = Date.now() + (opts.timeoutMs ?? 6 * 60 * 60_000);
  for (;;) {
    let run: SyncRun | undefined;
    try {
      run = await prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    } catch (err) {
      if (!opts.whileUnavailable || !isDatabaseUnavailable(err) || Date.now() > deadline) throw err;
      opts.whileUnavailable(err);
    }
    if (run && ((TERMINAL_RUN_STATUSES as readonly string[]).includes(run.status) || Date.now() > deadline)) return run;
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 250));
  }
}

/** The one-line summary `npm run sync` prints. */
export function runSummary(run: SyncRun) {
  const end = run.finishedAt ?? new Date();
  return {
    runId: run.id, status: run.status, mode: run.mode, dryRun: run.dryRun,
    plannedNew: run.plannedNew, plannedUpdate: run.plannedUpdate, unchanged: run.unchanged, excluded: run.excluded,
    exceptions: run.exceptions, sent: run.sent, failed: run.failed,
    durationMs: end.getTime() - (run.startedAt ?? run.createdAt).getTime(),
    ...(run.error ? { error: run.error } : {}),
    ...(commerceOf(run.summary) ? { commerce: commerceOf(run.summary) } : {}),
  };
}

/** The e-commerce step's counts (lib/commerce), when the run had one. */
function commerceOf(summary: unknown): Record<string, unknown> | undefined {
  const c = (summary as { commerce?: Record<string, unknown> } | null)?.commerce;
  return c && typeof c === "object" ? c : undefined;
}

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** Batch completions of one run serialise on the run row; each is short, the default 5 s is not always enough under load. */
export const TX_OPTIONS = { timeout: 30_000, maxWait: 30_000 } as const;

export const ACTIVE_RUN_STATUSES = ["queued", "planning", "running", "paused"] as const;
export const TERMINAL_RUN_STATUSES = ["succeeded", "failed", "cancelled"] as const;

/** Takes the run row lock for the rest of the transaction; null when the run does not exist. */
export async function lockRun(tx: Tx, runId: string): Promise<{ status: string; dryRun: boolean; cursorTo: Date | null } | null> {
  const rows = await tx.$queryRaw<Array<{ status: string; dry_run: boolean; cursor_to: Date | null }>>`
    SELECT status::text AS status, dry_run, cursor_to FROM sync_runs WHERE id = ${runId}::uuid FOR UPDATE`;
  const row = rows[0];
  return row ? { status: row.status, dryRun: row.dry_run, cursorTo: row.cursor_to } : null;
}

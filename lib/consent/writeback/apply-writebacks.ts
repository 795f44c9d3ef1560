import { gateFreshWritebacks } from "../approval/gate-writebacks";
import { nowOf, settingsOf, type ConsentDeps } from "../types";
import { errorText, isTransient, MAX_WRITEBACK_ATTEMPTS, writebackDelayMs } from "./backoff";
import { applyToOdoo } from "./odoo-target";

export interface WritebackSummary {
  held: boolean;
  attempted: number;
  done: number;
  retrying: number;
  failed: number;
}

/** A claimed write-back is invisible to other workers this long: a worker that dies mid-call frees it. */
const LEASE_MS = 5 * 60_000;

type Claimed = { id: bigint; email: string; action: "blacklist" | "unblacklist" | "set_field"; target: string; attempts: number; cause: unknown };

/**
 * Applies due write-backs to Odoo: gate first (large batches wait for an admin), then claim with SKIP LOCKED
 * and a lease, call Odoo outside any transaction, and record the outcome. Transient Odoo errors back off
 * exponentially; anything else, or too many tries, leaves the row failed and visible.
 */
export async function applyWritebacks(
  deps: ConsentDeps,
  opts: { limit?: number; approvalThreshold?: number } = {},
): Promise<WritebackSummary> {
  const threshold = opts.approvalThreshold ?? settingsOf(deps).approvalThreshold;
  const held = (await gateFreshWritebacks(deps.prisma, threshold)) !== null;
  const now = nowOf(deps);
  const claimed = await deps.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      SELECT w.id, w.email, w.action::text AS action, w.target, w.attempts, w.cause
      FROM consent_writebacks w LEFT JOIN consent_approvals a ON a.id = w.approval_id
      WHERE w.status = 'pending' AND w.next_attempt_at <= ${now}
        AND (w.approval_id IS NULL OR a.status = 'approved')
      ORDER BY w.next_attempt_at, w.id LIMIT ${opts.limit ?? 50}
      FOR UPDATE OF w SKIP LOCKED`;
    await tx.consentWriteback.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return rows;
  });

  const summary: WritebackSummary = { held, attempted: claimed.length, done: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    const outcome = await applyOne(deps, row);
    summary[outcome] += 1;
  }
  return summary;
}

async function applyOne(deps: ConsentDeps, row: Claimed): Promise<"done" | "retrying" | "failed"> {
  const attempts = row.attempts + 1;
  const value = (row.cause as { value?: unknown } | null)?.value !== false;
  try {
    const what = await applyToOdoo(deps.odoo, { email: row.email, action: row.action, target: row.target, value });
    await deps.prisma.consentWriteback.update({
      where: { id: row.id },
      data: { status: "done", doneAt: nowOf(deps), lastError: null, cause: { ...(row.cause as object), result: what } },
    });
    return "done";
  } catch (error) {
    const retry = isTransient(error) && attempts < MAX_WRITEBACK_ATTEMPTS;
    await deps.prisma.consentWriteback.update({
      where: { id: row.id },
      data: retry
        ? { lastError: errorText(error), nextAttemptAt: new Date(nowOf(deps).getTime() + writebackDelayMs(attempts)) }
        : { status: "failed", lastError: errorText(error) },
    });
    return retry ? "retrying" : "failed";
  }
}

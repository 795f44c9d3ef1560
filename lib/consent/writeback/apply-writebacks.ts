import { gateFreshWritebacks } from "../approval/gate-writebacks";
import { nowOf, settingsOf, type ConsentDeps } from "../types";
import { errorText, isTransient, MAX_WRITEBACK_ATTEMPTS, writebackDelayMs } from "./backoff";
import { applyPageToOdoo, type PageOutcome } from "./apply-page";

export interface WritebackSummary {
  held: boolean;
  attempted: number;
  done: number;
  retrying: number;
  failed: number;
}

/**
 * A claimed write-back is invisible to other workers this long: a worker that dies mid-call frees it. A worker
 * with a heartbeat (deps.leaseHolder) frees it sooner: its leases are released when it is declared dead.
 */
const LEASE_MS = 5 * 60_000;

type Claimed = { id: bigint; email: string; action: "blacklist" | "unblacklist" | "set_field"; target: string; attempts: number; cause: unknown };

/** Write-backs per pass, and per Odoo page: a few calls for all of them (writeback/apply-page.ts). */
const PAGE = 500;

/**
 * Applies due write-backs to Odoo: gate first (more people than the threshold in the policy's window wait for
 * an admin), then claim a page with SKIP LOCKED and a lease, call Odoo for the whole page outside any
 * transaction, and record each outcome. Transient Odoo errors back off exponentially; anything else, or too many
 * tries, leaves the row failed and visible.
 */
export async function applyWritebacks(
  deps: ConsentDeps,
  opts: { limit?: number; approvalThreshold?: number } = {},
): Promise<WritebackSummary> {
  const settings = settingsOf(deps);
  const threshold = opts.approvalThreshold ?? settings.approvalThreshold;
  const now = nowOf(deps);
  const held = (await gateFreshWritebacks(deps.prisma, threshold, { now, minutes: settings.approvalWindowMinutes })) !== null;
  const claimed = await deps.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Claimed[]>`
      SELECT w.id, w.email, w.action::text AS action, w.target, w.attempts, w.cause
      FROM consent_writebacks w LEFT JOIN consent_approvals a ON a.id = w.approval_id
      WHERE w.status = 'pending' AND w.next_attempt_at <= ${now}
        AND (w.approval_id IS NULL OR a.status = 'approved')
      ORDER BY w.next_attempt_at, w.id LIMIT ${opts.limit ?? PAGE}
      FOR UPDATE OF w SKIP LOCKED`;
    await tx.consentWriteback.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS), leasedBy: deps.leaseHolder ?? null },
    });
    return rows;
  });

  const summary: WritebackSummary = { held, attempted: claimed.length, done: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return summary;
  const writes = claimed.map((row) => ({ email: row.email, action: row.action, target: row.target, value: (row.cause as { value?: unknown } | null)?.value !== false }));
  const outcomes = await applyPageToOdoo(deps.odoo, writes, isTransient);
  for (const [i, row] of claimed.entries()) summary[await recordOutcome(deps, row, outcomes[i] as PageOutcome)] += 1;
  return summary;
}

async function recordOutcome(deps: ConsentDeps, row: Claimed, outcome: PageOutcome): Promise<"done" | "retrying" | "failed"> {
  const attempts = row.attempts + 1;
  if (outcome.ok) {
    await deps.prisma.consentWriteback.update({
      where: { id: row.id },
      data: { status: "done", doneAt: nowOf(deps), lastError: null, leasedBy: null, cause: { ...(row.cause as object), result: outcome.what } },
    });
    return "done";
  }
  const error = outcome.error;
  const retry = isTransient(error) && attempts < MAX_WRITEBACK_ATTEMPTS;
  await deps.prisma.consentWriteback.update({
    where: { id: row.id },
    data: retry
      ? { lastError: errorText(error), nextAttemptAt: new Date(nowOf(deps).getTime() + writebackDelayMs(attempts)), leasedBy: null }
      : { status: "failed", lastError: errorText(error), leasedBy: null },
  });
  return retry ? "retrying" : "failed";
}

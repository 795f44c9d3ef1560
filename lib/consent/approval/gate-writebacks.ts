import type { PrismaClient } from "@/lib/generated/prisma/client";
import { needsApproval } from "./needs-approval";

const SAMPLE_SIZE = 20;

export interface GateWindow {
  now: Date;
  /** The threshold counts the people written back to Odoo without approval in this many minutes, plus the new ones. */
  minutes: number;
}

/**
 * Looks at the write-backs never tried and not yet gated (the current batch). If they, added to the people
 * already written back without approval in the policy's window (an hour by default), touch more people than the
 * threshold, they are attached to a new pending approval and held until an admin decides. Counting per window
 * rather than per pass means a mass unsubscribe that trickles in over many passes still meets the gate.
 * Returns the approval id, or null when the batch may go ahead.
 */
export async function gateFreshWritebacks(prisma: PrismaClient, threshold: number, window: GateWindow): Promise<bigint | null> {
  return prisma.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<Array<{ id: bigint; email: string; action: string; audience_id: string }>>`
      SELECT id, email, action::text AS action, audience_id FROM consent_writebacks
      WHERE status = 'pending' AND approval_id IS NULL AND attempts = 0
      ORDER BY id FOR UPDATE SKIP LOCKED`;
    if (fresh.length === 0) return null;
    const since = new Date(window.now.getTime() - window.minutes * 60_000);
    const released = await tx.$queryRaw<Array<{ email: string }>>`
      SELECT DISTINCT email FROM consent_writebacks
      WHERE approval_id IS NULL AND created_at >= ${since} AND (attempts > 0 OR status <> 'pending')`;
    if (!needsApproval([...released, ...fresh], threshold)) return null;
    const approval = await tx.consentApproval.create({
      data: {
        kind: "consent_writeback",
        count: new Set(fresh.map((w) => w.email)).size,
        sample: fresh.slice(0, SAMPLE_SIZE).map((w) => ({ email: w.email, action: w.action, audienceId: w.audience_id })),
      },
    });
    await tx.consentWriteback.updateMany({ where: { id: { in: fresh.map((w) => w.id) } }, data: { approvalId: approval.id } });
    return approval.id;
  });
}

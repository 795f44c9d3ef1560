import type { PrismaClient } from "@/lib/generated/prisma/client";
import { needsApproval } from "./needs-approval";

const SAMPLE_SIZE = 20;

/**
 * Looks at the write-backs never tried and not yet gated (the current batch). If they touch more people than
 * the threshold, they are attached to a new pending approval and held until an admin decides. Returns the
 * approval id, or null when the batch may go ahead.
 */
export async function gateFreshWritebacks(prisma: PrismaClient, threshold: number): Promise<bigint | null> {
  return prisma.$transaction(async (tx) => {
    const fresh = await tx.$queryRaw<Array<{ id: bigint; email: string; action: string; audience_id: string }>>`
      SELECT id, email, action::text AS action, audience_id FROM consent_writebacks
      WHERE status = 'pending' AND approval_id IS NULL AND attempts = 0
      ORDER BY id FOR UPDATE SKIP LOCKED`;
    if (!needsApproval(fresh, threshold)) return null;
    const people = new Set(fresh.map((w) => w.email)).size;
    const approval = await tx.consentApproval.create({
      data: {
        kind: "consent_writeback",
        count: people,
        sample: fresh.slice(0, SAMPLE_SIZE).map((w) => ({ email: w.email, action: w.action, audienceId: w.audience_id })),
      },
    });
    await tx.consentWriteback.updateMany({ where: { id: { in: fresh.map((w) => w.id) } }, data: { approvalId: approval.id } });
    return approval.id;
  });
}

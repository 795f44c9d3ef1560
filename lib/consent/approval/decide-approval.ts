import type { PrismaClient } from "@/lib/generated/prisma/client";

export class ApprovalStateError extends Error {
  override name = "ApprovalStateError";
}

/**
 * An admin's decision on a held batch. Approved write-backs become due at once; rejected ones are closed as
 * failed with the reason, so Odoo keeps its current state and the console still shows what was refused.
 */
export async function decideApproval(
  prisma: PrismaClient,
  args: { approvalId: bigint; decision: "approved" | "rejected"; userId: string; now?: Date },
): Promise<void> {
  const at = args.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.consentApproval.updateMany({
      where: { id: args.approvalId, status: "pending" },
      data: { status: args.decision, decidedBy: args.userId, decidedAt: at },
    });
    if (count === 0) throw new ApprovalStateError("This approval does not exist or was already decided.");
    if (args.decision === "approved") {
      await tx.consentWriteback.updateMany({ where: { approvalId: args.approvalId, status: "pending" }, data: { nextAttemptAt: at } });
    } else {
      await tx.consentWriteback.updateMany({
        where: { approvalId: args.approvalId, status: "pending" },
        data: { status: "failed", lastError: "rejected by an admin in the Consent page" },
      });
    }
  });
}

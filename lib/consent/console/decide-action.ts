import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { ApprovalStateError, decideApproval } from "../approval/decide-approval";

export const decideInput = z.object({ id: z.string().regex(/^\d+$/, "Unknown approval."), decision: z.enum(["approved", "rejected"]) });

/** The admin's decision from the Consent page, audited like every other console decision. */
export async function decideApprovalFromConsole(input: z.output<typeof decideInput>, actor: SignedInUser) {
  const prisma = getPrisma();
  try {
    await decideApproval(prisma, { approvalId: BigInt(input.id), decision: input.decision, userId: actor.id });
  } catch (error) {
    if (error instanceof ApprovalStateError) throw new ApiError(409, "approval", error.message);
    throw error;
  }
  await prisma.auditEvent.create({
    data: { actorId: actor.id, action: `consent.approval.${input.decision}`, target: `consent_approval:${input.id}` },
  });
  return { id: input.id, decision: input.decision };
}

import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";

export const acknowledgeInput = z.object({ id: z.string().regex(/^\d+$/, "Unknown alert.") });

/**
 * "I am on it": records who acknowledged an open alert and when (audited). It stays open until its condition
 * clears; acknowledging a resolved or already acknowledged alert changes nothing.
 */
export async function acknowledgeAlert(input: z.output<typeof acknowledgeInput>, actor: SignedInUser) {
  const prisma = getPrisma();
  const id = BigInt(input.id);
  const done = await prisma.alert.updateMany({ where: { id, status: "open", acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedById: actor.id } });
  if (done.count === 0) {
    const alert = await prisma.alert.findUnique({ where: { id }, select: { status: true } });
    if (!alert) throw new ApiError(404, "not_found", "Unknown alert.");
    return { id: input.id, changed: false };
  }
  const alert = await prisma.alert.findUniqueOrThrow({ where: { id }, select: { kind: true, subject: true } });
  await prisma.auditEvent.create({ data: { actorId: actor.id, action: "alert.acknowledged", target: `alert:${input.id}`, detail: { kind: alert.kind, subject: alert.subject } } });
  return { id: input.id, changed: true };
}

import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What ops can do to an exception: take or hand over ownership, comment, resolve or reopen. Audited. */
const id = z.string().regex(/^\d+$/, "Unknown exception.");

export const assignInput = z.object({ id, ownerId: z.uuid().nullable() });
export const commentInput = z.object({ id, body: z.string().trim().min(1, "Write something.").max(4000) });
export const resolveInput = z.object({ id, resolved: z.boolean() });

async function audit(actor: SignedInUser, action: string, exceptionId: string, detail: Prisma.InputJsonObject = {}) {
  await getPrisma().auditEvent.create({ data: { actorId: actor.id, action, target: `exception:${exceptionId}`, detail } });
}

export async function assignException(input: z.output<typeof assignInput>, actor: SignedInUser) {
  if (input.ownerId) {
    const owner = await getPrisma().user.findUnique({ where: { id: input.ownerId } });
    if (!owner?.active || !["admin", "ops"].includes(owner.role)) throw new ApiError(422, "owner", "Owners must be active ops or admin users.");
  }
  await getPrisma().syncException.update({ where: { id: BigInt(input.id) }, data: { ownerId: input.ownerId } });
  await audit(actor, "exception.assigned", input.id, { ownerId: input.ownerId });
  return { id: input.id };
}

export async function commentOnException(input: z.output<typeof commentInput>, actor: SignedInUser) {
  await getPrisma().exceptionComment.create({ data: { exceptionId: BigInt(input.id), authorId: actor.id, body: input.body } });
  await audit(actor, "exception.commented", input.id);
  return { id: input.id };
}

export async function resolveException(input: z.output<typeof resolveInput>, actor: SignedInUser) {
  await getPrisma().syncException.update({
    where: { id: BigInt(input.id) },
    data: input.resolved
      ? { status: "resolved", resolvedAt: new Date(), resolvedById: actor.id }
      : { status: "open", resolvedAt: null, resolvedById: null },
  });
  await audit(actor, input.resolved ? "exception.resolved" : "exception.reopened", input.id);
  return { id: input.id };
}

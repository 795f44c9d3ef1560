import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { ROLES } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { getPrisma } from "@/lib/db/client";

export const newUserInput = z.object({
  email: z.email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  role: z.enum(ROLES),
  password: z.string().min(12, "At least 12 characters.").max(200),
});

export async function addConsoleUser(input: z.output<typeof newUserInput>, actor: SignedInUser) {
  const prisma = getPrisma();
  if (await prisma.user.findUnique({ where: { email: input.email.trim().toLowerCase() } })) {
    throw new ApiError(409, "exists", "A user with this email already exists.");
  }
  const user = await createUser(prisma, input);
  await prisma.auditEvent.create({
    data: { actorId: actor.id, action: "user.created", target: user.email, detail: { role: user.role } },
  });
  return { id: user.id };
}

export const setActiveInput = z.object({ userId: z.uuid(), active: z.boolean() });

export async function setConsoleUserActive(input: z.output<typeof setActiveInput>, actor: SignedInUser) {
  if (input.userId === actor.id && !input.active) {
    throw new ApiError(409, "self", "You cannot deactivate yourself.");
  }
  const prisma = getPrisma();
  const user = await prisma.user.update({ where: { id: input.userId }, data: { active: input.active } });
  await prisma.auditEvent.create({
    data: { actorId: actor.id, action: input.active ? "user.reactivated" : "user.deactivated", target: user.email },
  });
  return { id: user.id, active: user.active };
}

export async function listConsoleUsers() {
  return getPrisma().user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, passwordHash: true },
  });
}

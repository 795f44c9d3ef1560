import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normaliseLogin } from "./authorize";
import { hashPassword } from "./password";
import { ROLES, type Role } from "./roles";

export async function createUser(
  prisma: PrismaClient,
  input: { email: string; name: string; role: Role; password?: string },
) {
  return prisma.user.create({
    data: {
      email: normaliseLogin(input.email),
      name: input.name,
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    },
  });
}

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
}

/**
 * One demo user per role. Passwords are random and returned only for the users created now, so they are
 * printed once; re-running the demo leaves existing users (and their passwords) alone.
 */
export async function ensureDemoUsers(prisma: PrismaClient, domain = "demo.bridgeline.local"): Promise<DemoLogin[]> {
  const missing: DemoLogin[] = [];
  for (const role of ROLES) {
    const email = `${role}@${domain}`;
    if (await prisma.user.findUnique({ where: { email } })) continue;
    missing.push({ email, password: randomBytes(9).toString("base64url"), role });
  }
  const rows = await Promise.all(
    missing.map(async (l) => ({ email: l.email, name: `Demo ${l.role}`, role: l.role, passwordHash: await hashPassword(l.password) })),
  );
  // All or none, so an interrupted first run cannot leave users whose passwords were never shown.
  await prisma.user.createMany({ data: rows });
  return missing;
}

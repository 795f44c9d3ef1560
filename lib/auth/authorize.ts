import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditFailedSignIn } from "./audit-sign-in";
import { checkSignInLimit, recordSignInAttempt } from "./limiter";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { Role } from "./roles";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** What the sign-in form can be told. The same outcome for unknown email, wrong password and disabled user. */
export type CredentialsOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export function normaliseLogin(email: string): string {
  return email.trim().toLowerCase();
}

export async function authorizeCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ip: string },
): Promise<CredentialsOutcome> {
  const email = normaliseLogin(input.email);
  const limit = await checkSignInLimit(prisma, email, input.ip);
  if (!limit.allowed) {
    return { ok: false, reason: "locked", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  // Always pay for one bcrypt comparison so timing does not tell whether the account exists.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const ok = matches && user !== null && user.active && user.passwordHash !== null;
  await recordSignInAttempt(prisma, email, input.ip, ok);
  if (!ok || !user) {
    const reason = !user ? "unknown_account" : !user.active ? "inactive" : user.passwordHash === null ? "no_password" : "wrong_password";
    const now = await checkSignInLimit(prisma, email, input.ip);
    await auditFailedSignIn(prisma, { email, ip: input.ip, reason, lockedForSeconds: now.allowed ? null : now.retryAfterSeconds });
    return { ok: false, reason: "invalid" };
  }
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await prisma.auditEvent.create({ data: { actorId: user.id, action: "auth.sign_in", detail: { method: "password", ip: input.ip } } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Why a password sign-in failed, for the Audit page only: the form says the same thing in every case. */
export type SignInFailure = "unknown_account" | "inactive" | "no_password" | "wrong_password";

/**
 * A failed password sign-in, and the lockout it started when it was the failure that tripped the limit. What
 * was tried (the email, as typed and normalised) and from where: never the password. Attempts refused while
 * the lock holds are not recorded one by one: a brute force sends thousands, and they would bury the rest.
 */
export async function auditFailedSignIn(
  prisma: PrismaClient,
  attempt: { email: string; ip: string; reason: SignInFailure; lockedForSeconds: number | null },
): Promise<void> {
  const { email, ip, reason, lockedForSeconds } = attempt;
  await prisma.auditEvent.createMany({
    data: [
      { action: "auth.sign_in_failed", target: email, detail: { ip, reason } },
      ...(lockedForSeconds === null ? [] : [{ action: "auth.locked_out", target: email, detail: { ip, retryAfterSeconds: lockedForSeconds } }]),
    ],
  });
}

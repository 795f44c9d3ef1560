import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Sign-out ends the session, not only the cookie in that browser. Each session token carries a session id (`sid`,
 * set once at sign-in and kept when next-auth re-issues the token); sign-out records it here and every request
 * refuses a recorded id. Expired rows are swept on the way, since their tokens are dead anyway.
 */
export async function revokeSession(prisma: PrismaClient, session: { sid: string; userId?: string; expiresAt: Date }, now = new Date()): Promise<void> {
  await prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.revokedSession.createMany({
    data: [{ sid: session.sid, userId: session.userId ?? null, expiresAt: session.expiresAt }],
    skipDuplicates: true,
  });
}

export async function isSessionRevoked(prisma: PrismaClient, sid: string): Promise<boolean> {
  return (await prisma.revokedSession.count({ where: { sid } })) > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session id as the token carries it; anything else (a token from before session ids) is no session. */
export function sessionIdOf(value: unknown): string | undefined {
  return typeof value === "string" && UUID.test(value) ? value : undefined;
}

import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Sign-in throttling stored in Postgres, so every app process sees the same counts. Failures are counted
 * per account (any email string, existing or not, so a lockout reveals nothing) and per client IP.
 */
export const LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perIp: 30,
} as const;

export interface LimitVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function checkSignInLimit(prisma: PrismaClient, email: string, ip: string, now = new Date()): Promise<LimitVerdict> {
  const windowStart = new Date(now.getTime() - LIMITS.windowMs);
  // A successful sign-in clears the account's earlier failures (not the IP's).
  const lastSuccess = await prisma.signInAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess?.createdAt ?? windowStart;
  const [byAccount, byIp] = await Promise.all([
    prisma.signInAttempt.findMany({
      where: { email, success: false, createdAt: { gt: accountSince } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.signInAttempt.findMany({
      where: { ip, success: false, createdAt: { gte: windowStart } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const blocking = [
    byAccount.length >= LIMITS.perAccount ? byAccount[byAccount.length - LIMITS.perAccount] : undefined,
    byIp.length >= LIMITS.perIp ? byIp[byIp.length - LIMITS.perIp] : undefined,
  ].filter((a) => a !== undefined);
  if (blocking.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  // Allowed again once the oldest of the failures that tripped the limit leaves the window.
  const freeAt = Math.max(...blocking.map((a) => a.createdAt.getTime() + LIMITS.windowMs));
  return { allowed: false, retryAfterSeconds: Math.ceil((freeAt - now.getTime()) / 1000) };
}

export async function recordSignInAttempt(prisma: PrismaClient, email: string, ip: string, success: boolean): Promise<void> {
  await prisma.signInAttempt.create({ data: { email, ip, success } });
}

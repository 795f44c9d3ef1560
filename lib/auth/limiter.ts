import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Sign-in throttling stored in Postgres, so every app process sees the same counts. Failures are counted
 * per account (any email string, existing or not, so a lockout reveals nothing) and per client IP.
 *
 * The account lock binds only IPs that are failing. An attempt from an IP with no failure in the window (on any
 * account) is still checked against the password, so a stranger's five bad guesses cannot lock the owner out;
 * a wrong guess from that IP makes it a failing IP, bound by the lock for the rest of the window. A distributed
 * guesser thus gets one guess per address per window against a locked account, while the address it used is
 * also blocked on every other account. The client IP comes from lib/auth/client-ip.ts, which believes
 * X-Forwarded-For only from TRUSTED_PROXIES, so rotating that header no longer mints fresh addresses.
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
  const ipIsFailing = byIp.length > 0;
  const blocking = [
    ipIsFailing && byAccount.length >= LIMITS.perAccount ? byAccount[byAccount.length - LIMITS.perAccount] : undefined,
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

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSessionRevoked, revokeSession, sessionIdOf } from "@/lib/auth/revoke-session";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase();

describe("sign-out revokes the session, not only the cookie (issue 15)", () => {
  it("refuses a revoked session id, keeps others, and sweeps rows whose tokens have expired", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const [signedOut, other, stale] = [randomUUID(), randomUUID(), randomUUID()];
    await revokeSession(prisma, { sid: stale, expiresAt: new Date(now.getTime() - 1000) }, new Date(now.getTime() - 60_000));
    await revokeSession(prisma, { sid: signedOut, expiresAt: new Date(now.getTime() + 8 * 3600_000) }, now);
    await revokeSession(prisma, { sid: signedOut, expiresAt: new Date(now.getTime() + 8 * 3600_000) }, now);
    expect(await isSessionRevoked(prisma, signedOut)).toBe(true);
    expect(await isSessionRevoked(prisma, other)).toBe(false);
    expect(await isSessionRevoked(prisma, stale)).toBe(false);
  });
  it("accepts only UUID session ids: tokens from before session ids count as no session", () => {
    expect(sessionIdOf(randomUUID())).toBeDefined();
    for (const bad of [undefined, "", "x", 42, "00000000-0000-0000-0000-00000000000"]) expect(sessionIdOf(bad)).toBeUndefined();
  });
});

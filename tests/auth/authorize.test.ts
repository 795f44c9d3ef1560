import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { LIMITS } from "@/lib/auth/limiter";
import { createUser } from "@/lib/auth/users";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase();
const PASSWORD = "correct horse battery";

describe("authorizeCredentials", () => {
  it("signs in with the right password, case-insensitively on the email, and records it", async () => {
    await createUser(prisma, { email: "Ops@Example.com", name: "Ops", role: "ops", password: PASSWORD });
    const outcome = await authorizeCredentials(prisma, { email: "  OPS@example.COM ", password: PASSWORD, ip: "10.0.0.1" });
    expect(outcome).toMatchObject({ ok: true, user: { email: "ops@example.com", role: "ops" } });
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in" } })).toBe(1);
  });

  it("gives the same answer for an unknown user, a wrong password and a deactivated user", async () => {
    await createUser(prisma, { email: "gone@example.com", name: "Gone", role: "finance", password: PASSWORD });
    await prisma.user.update({ where: { email: "gone@example.com" }, data: { active: false } });
    const unknown = await authorizeCredentials(prisma, { email: "nobody@example.com", password: PASSWORD, ip: "10.0.0.2" });
    const wrong = await authorizeCredentials(prisma, { email: "ops@example.com", password: "nope", ip: "10.0.0.3" });
    const inactive = await authorizeCredentials(prisma, { email: "gone@example.com", password: PASSWORD, ip: "10.0.0.4" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(inactive).toEqual(unknown);
  });

  it("locks an account after repeated failures for the IPs that failed, even with the right password", async () => {
    await createUser(prisma, { email: "target@example.com", name: "T", role: "marketing", password: PASSWORD });
    for (let i = 0; i < LIMITS.perAccount; i++) {
      await authorizeCredentials(prisma, { email: "target@example.com", password: `guess${i}`, ip: `10.1.0.${i}` });
    }
    const locked = await authorizeCredentials(prisma, { email: "target@example.com", password: PASSWORD, ip: "10.1.0.0" });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") {
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.windowMs / 1000);
    }
  });

  it("lets the owner in with the right password from an IP that is not failing, while the lock holds for others (issue 15)", async () => {
    await createUser(prisma, { email: "owner@example.com", name: "O", role: "ops", password: PASSWORD });
    for (let i = 0; i < LIMITS.perAccount + 2; i++) {
      await authorizeCredentials(prisma, { email: "owner@example.com", password: `attacker${i}`, ip: "198.51.100.7" });
    }
    expect(await authorizeCredentials(prisma, { email: "owner@example.com", password: PASSWORD, ip: "198.51.100.7" })).toMatchObject({ reason: "locked" });
    // A fresh address with a wrong guess gets one answer, then is bound by the lock like the attacker.
    expect(await authorizeCredentials(prisma, { email: "owner@example.com", password: "guess", ip: "198.51.100.8" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authorizeCredentials(prisma, { email: "owner@example.com", password: PASSWORD, ip: "198.51.100.8" })).toMatchObject({ reason: "locked" });
    // The owner, from an address with no failures, gets in.
    expect(await authorizeCredentials(prisma, { email: "owner@example.com", password: PASSWORD, ip: "203.0.113.5" })).toMatchObject({ ok: true });
  });

  it("locks unknown emails the same way, so a lockout does not reveal which accounts exist", async () => {
    for (let i = 0; i < LIMITS.perAccount; i++) {
      await authorizeCredentials(prisma, { email: "ghost@example.com", password: "x", ip: `10.2.0.${i}` });
    }
    expect(await authorizeCredentials(prisma, { email: "ghost@example.com", password: "x", ip: "10.2.0.1" })).toMatchObject({
      reason: "locked",
    });
  });

  it("limits one IP spraying many accounts", async () => {
    for (let i = 0; i < LIMITS.perIp; i++) {
      await authorizeCredentials(prisma, { email: `spray${i}@example.com`, password: "x", ip: "192.0.2.9" });
    }
    await createUser(prisma, { email: "victim@example.com", name: "V", role: "ops", password: PASSWORD });
    const fromSprayer = await authorizeCredentials(prisma, { email: "victim@example.com", password: PASSWORD, ip: "192.0.2.9" });
    const fromElsewhere = await authorizeCredentials(prisma, { email: "victim@example.com", password: PASSWORD, ip: "192.0.2.10" });
    expect(fromSprayer).toMatchObject({ reason: "locked" });
    expect(fromElsewhere).toMatchObject({ ok: true });
    // A hang guard, not a speed target: 32 bcrypt comparisons at cost 12 took over 30 s on a loaded 2-core machine.
  }, 180_000);

  it("clears an account's earlier failures after a successful sign-in", async () => {
    await createUser(prisma, { email: "typo@example.com", name: "Typo", role: "ops", password: PASSWORD });
    for (let i = 0; i < LIMITS.perAccount - 1; i++) {
      await authorizeCredentials(prisma, { email: "typo@example.com", password: "typo", ip: "10.3.0.1" });
    }
    expect(await authorizeCredentials(prisma, { email: "typo@example.com", password: PASSWORD, ip: "10.3.0.1" })).toMatchObject({ ok: true });
    await authorizeCredentials(prisma, { email: "typo@example.com", password: "typo", ip: "10.3.0.1" });
    expect(await authorizeCredentials(prisma, { email: "typo@example.com", password: PASSWORD, ip: "10.3.0.1" })).toMatchObject({ ok: true });
  });

  it("stores bcrypt hashes, never the password", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });
});

import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { ROLES } from "@/lib/auth/roles";
import { ensureDemoUsers } from "@/lib/auth/users";
import { useTestDatabase } from "../helpers/db";

const { prisma } = await useTestDatabase();

describe("ensureDemoUsers", () => {
  it("creates one user per role whose printed password signs in, and prints nothing the second time", async () => {
    const logins = await ensureDemoUsers(prisma);
    expect(logins.map((l) => l.role).sort()).toEqual([...ROLES].sort());
    for (const l of logins) {
      const outcome = await authorizeCredentials(prisma, { email: l.email, password: l.password, ip: "127.0.0.1" });
      expect(outcome).toMatchObject({ ok: true, user: { role: l.role } });
    }
    expect(await ensureDemoUsers(prisma)).toEqual([]);
    expect(await prisma.user.count()).toBe(ROLES.length);
  });
});

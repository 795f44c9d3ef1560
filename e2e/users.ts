import type { Role } from "@/lib/auth/roles";

/** The users the global setup creates in the suite's own fresh database. */
export const E2E_USERS: Record<Role, { email: string; password: string }> = {
  admin: { email: "admin@e2e.bridgeline.test", password: "e2e-admin-password-1" },
  ops: { email: "ops@e2e.bridgeline.test", password: "e2e-ops-password-1" },
  marketing: { email: "marketing@e2e.bridgeline.test", password: "e2e-marketing-password-1" },
  finance: { email: "finance@e2e.bridgeline.test", password: "e2e-finance-password-1" },
};

export const storageStatePath = (role: Role) => `e2e/.auth/${role}.json`;

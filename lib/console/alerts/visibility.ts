import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";

/** Ops and admins see and acknowledge every alert; marketing and finance read their own team's. */
export const ACKNOWLEDGING_ROLES = ["admin", "ops"] as const satisfies readonly Role[];

export function visibleTo(role: Role): Prisma.AlertWhereInput {
  return role === "admin" || role === "ops" ? {} : { team: role };
}

export const canAcknowledge = (role: Role) => (ACKNOWLEDGING_ROLES as readonly Role[]).includes(role);

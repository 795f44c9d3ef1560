import type { Role } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { visibleTo } from "./visibility";

export interface AlertCounts {
  open: number;
  unacknowledged: number;
  critical: number;
}

/** The bell: the viewer's open alerts, those nobody acknowledged yet, and the critical ones among them. */
export async function countAlerts(role: Role): Promise<AlertCounts> {
  const where = { ...visibleTo(role), status: "open" as const };
  const prisma = getPrisma();
  const [open, unacknowledged, critical] = await Promise.all([
    prisma.alert.count({ where }),
    prisma.alert.count({ where: { ...where, acknowledgedAt: null } }),
    prisma.alert.count({ where: { ...where, acknowledgedAt: null, severity: "critical" } }),
  ]);
  return { open, unacknowledged, critical };
}

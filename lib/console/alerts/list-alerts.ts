import type { Role } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleTo } from "./visibility";

export interface AlertFilter {
  status: "open" | "resolved";
  team?: string;
  kind?: string;
  /** Open alerts only: leave out the acknowledged ones. */
  unacknowledged?: boolean;
}

export interface AlertRow {
  id: string;
  kind: string;
  subject: string;
  severity: string;
  team: string;
  status: string;
  title: string;
  message: string;
  action: string;
  occurrences: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

const SEVERITY_ORDER: Record<string, number> = { critical: 0, warning: 1, info: 2 };

/** The Alerts page: the viewer's alerts by filter (critical first, then newest), and counts per kind for the chips. */
export async function listAlerts(filter: AlertFilter, role: Role, limit = 200): Promise<{ rows: AlertRow[]; kinds: Record<string, number> }> {
  const prisma = getPrisma();
  const where: Prisma.AlertWhereInput = {
    ...visibleTo(role),
    status: filter.status,
    ...(filter.team && (role === "admin" || role === "ops") ? { team: filter.team } : {}),
    ...(filter.unacknowledged ? { acknowledgedAt: null } : {}),
  };
  const [rows, byKind] = await Promise.all([
    prisma.alert.findMany({ where: { ...where, ...(filter.kind ? { kind: filter.kind } : {}) }, orderBy: { lastSeenAt: "desc" }, take: limit }),
    prisma.alert.groupBy({ by: ["kind"], where, _count: { _all: true } }),
  ]);
  const ackIds = [...new Set(rows.map((r) => r.acknowledgedById).filter((id): id is string => id !== null))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: ackIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const out = rows.map((r) => {
    const d = (r.detail ?? {}) as { message?: string; action?: string };
    return {
      id: r.id.toString(), kind: r.kind, subject: r.subject, severity: r.severity, team: r.team, status: r.status, title: r.title,
      message: d.message ?? "", action: d.action ?? "", occurrences: r.occurrences, firstSeenAt: r.firstSeenAt, lastSeenAt: r.lastSeenAt,
      resolvedAt: r.resolvedAt, acknowledgedAt: r.acknowledgedAt, acknowledgedBy: r.acknowledgedById ? (names.get(r.acknowledgedById) ?? "a former user") : null,
    };
  });
  out.sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  return { rows: out, kinds: Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])) };
}

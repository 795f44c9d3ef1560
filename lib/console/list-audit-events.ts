import { getPrisma } from "@/lib/db/client";

export interface AuditRow {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

export async function listAuditEvents(limit = 100): Promise<AuditRow[]> {
  const rows = await getPrisma().auditEvent.findMany({
    orderBy: { id: "desc" },
    take: limit,
    include: { actor: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.createdAt,
    actor: r.actor?.email ?? null,
    action: r.action,
    target: r.target,
    detail: r.detail,
  }));
}

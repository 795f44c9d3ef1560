import { getPrisma } from "@/lib/db/client";
import { eachPage } from "@/lib/console/each-page";

export interface AuditRow {
  id: string;
  at: Date;
  /** A console user by name (email beside it); otherwise who the event says acted. */
  who: { name: string; email: string | null };
  action: string;
  target: string | null;
  /** The event's detail as label and value, with user ids replaced by the users' names. */
  detail: { label: string; value: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The latest audit events, newest first, said in names rather than ids. */
export async function listAuditEvents(limit = 100, beforeId?: string): Promise<AuditRow[]> {
  const prisma = getPrisma();
  const rows = await prisma.auditEvent.findMany({
    ...(beforeId ? { where: { id: { lt: BigInt(beforeId) } } } : {}),
    orderBy: { id: "desc" },
    take: limit,
    include: { actor: { select: { name: true, email: true } } },
  });
  const details = rows.map((r) => (r.detail && typeof r.detail === "object" && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {}));
  const userIds = [...new Set(details.flatMap((d) => Object.values(d).filter((v): v is string => typeof v === "string" && UUID.test(v))))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r, i) => ({
    id: r.id.toString(),
    at: r.createdAt,
    who: r.actor ? { name: r.actor.name, email: r.actor.email } : { name: r.action.startsWith("auth.") ? "not signed in" : "system", email: null },
    action: r.action,
    target: r.target,
    detail: Object.entries(details[i] ?? {}).map(([key, value]) => describe(key, value, users)),
  }));
}

/** Every audit event, newest first, a page at a time (the log only grows: the export holds one page). */
export function eachAuditEvent(pageSize = 1_000): AsyncIterable<AuditRow> {
  return eachPage((after) => listAuditEvents(pageSize, after?.id), pageSize);
}

function describe(key: string, value: unknown, users: Map<string, string>): { label: string; value: string } {
  const names = key.endsWith("Id") && (value === null || (typeof value === "string" && UUID.test(value)));
  if (names) return { label: key.slice(0, -2), value: value === null ? "nobody" : (users.get(value as string) ?? "former user") };
  return { label: key, value: typeof value === "string" ? value : JSON.stringify(value) };
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ALERT_KINDS, type AlertKind, type Team } from "./kinds";
import type { AlertsPolicy } from "./policy-schema";
import type { AlertChange, AlertCondition, AlertScope } from "./types";

export const openKeyOf = (kind: string, subject: string) => `${kind}|${subject}`;

/**
 * Makes the alerts table say what an evaluation found, within its scope: a condition not open yet opens (once:
 * the unique open_key), one already open is updated (occurrences, last seen, what was seen), and an open alert of
 * the scope's kinds that was not found again resolves itself. Returns what opened and resolved, for delivery.
 */
export async function applyConditions(
  prisma: PrismaClient,
  scope: AlertScope,
  found: AlertCondition[],
  policy: Pick<AlertsPolicy, "owners">,
  now: Date = new Date(),
): Promise<AlertChange[]> {
  const changes: AlertChange[] = [];
  const seen = new Set<string>();
  for (const c of found) {
    const key = openKeyOf(c.kind, c.subject);
    if (seen.has(key)) continue;
    seen.add(key);
    const detail = { message: c.message, action: c.action, ...(c.facts ?? {}) };
    const severity = c.severity ?? ALERT_KINDS[c.kind].severity;
    // One statement: two evaluators racing on the same condition still open it once.
    const rows = await prisma.$queryRaw<Array<{ id: bigint; inserted: boolean }>>`
      INSERT INTO alerts (kind, subject, open_key, severity, team, title, detail, first_seen_at, last_seen_at)
      VALUES (${c.kind}, ${c.subject}, ${key}, ${severity}, ${teamOf(c.kind, policy)}, ${c.title}, ${JSON.stringify(detail)}::jsonb, ${now}, ${now})
      ON CONFLICT (open_key) DO UPDATE SET
        occurrences = alerts.occurrences + 1, last_seen_at = EXCLUDED.last_seen_at, detail = EXCLUDED.detail,
        title = EXCLUDED.title, severity = EXCLUDED.severity, team = EXCLUDED.team
      RETURNING id, (xmax = 0) AS inserted`;
    const row = rows[0];
    if (row?.inserted) changes.push({ id: row.id, kind: c.kind, event: "opened" });
  }
  const open = await prisma.alert.findMany({ where: { status: "open", kind: { in: [...scope.kinds] } }, select: { id: true, kind: true, subject: true, openKey: true } });
  for (const a of open) {
    if (a.openKey && seen.has(a.openKey)) continue;
    if (scope.covers && !scope.covers(a.subject)) continue;
    const done = await prisma.alert.updateMany({ where: { id: a.id, status: "open" }, data: { status: "resolved", resolvedAt: now, openKey: null } });
    if (done.count > 0) changes.push({ id: a.id, kind: a.kind as AlertKind, event: "resolved" });
  }
  return changes;
}

export function teamOf(kind: AlertKind, policy: Pick<AlertsPolicy, "owners">): Team {
  return (policy.owners[kind] as Team | undefined) ?? ALERT_KINDS[kind].team;
}

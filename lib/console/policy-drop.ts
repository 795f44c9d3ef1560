import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/sync/policy";

/**
 * How many of today's members (sync records in Mailchimp's audiences) a new policy would route nowhere, because
 * it no longer routes to their audience. The audit saved `{}` and the next run raised 11,566 no_route exceptions:
 * a change that drops more than DROP_CONFIRMATION_SHARE of the members is saved only when the admin confirms the
 * exact count they were shown. It is counted per audience from Postgres, not a full planner dry run against Odoo:
 * it catches routing that drops audiences (the `{}` case), not rules narrowed within a kept audience.
 */
export const DROP_CONFIRMATION_SHARE = 0.05;

export interface PolicyDrop {
  dropped: number;
  total: number;
  /** Audiences with members that the new policy no longer routes to. */
  audiences: string[];
}

export async function countMembersDropped(prisma: PrismaClient, policy: Policy): Promise<PolicyDrop> {
  const kept = new Set(policy.routing.rules.map((r) => r.audienceId));
  const byAudience = await prisma.syncRecord.groupBy({ by: ["audienceId"], where: { lastStatus: { not: "excluded" } }, _count: { _all: true } });
  const lost = byAudience.filter((a) => !kept.has(a.audienceId));
  return {
    dropped: lost.reduce((n, a) => n + a._count._all, 0),
    total: byAudience.reduce((n, a) => n + a._count._all, 0),
    audiences: lost.map((a) => a.audienceId).sort(),
  };
}

export function needsDropConfirmation(drop: PolicyDrop): boolean {
  return drop.dropped > 0 && drop.dropped > drop.total * DROP_CONFIRMATION_SHARE;
}

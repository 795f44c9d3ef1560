import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getActivePolicy } from "@/lib/sync/policy";

/**
 * The Mailchimp lists Bridgeline manages: the audiences the active policy routes to. Consent events from any
 * other list (another team's audience, or a forged `data[list_id]`) are stored as ignored with this reason and
 * never reach Odoo. No policy saved yet: Bridgeline manages nothing.
 */
export async function loadManagedAudiences(prisma: PrismaClient): Promise<ReadonlySet<string>> {
  const active = await getActivePolicy(prisma);
  return new Set(active?.policy.routing.rules.map((r) => r.audienceId) ?? []);
}

export function unmanagedListReason(listId: string): string {
  return `list ${listId} is not an audience of the active policy`;
}

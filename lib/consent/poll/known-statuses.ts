import type { PrismaClient } from "@/lib/generated/prisma/client";
import { statusOfEventType, type PolledStatus } from "./synthetic-event";

/**
 * The status Bridgeline last learned for each address from any consent event (webhook or poll). The poller
 * only adds an event when Mailchimp's status differs from this, so a change already delivered by webhook is
 * never applied twice.
 */
export async function knownStatuses(prisma: PrismaClient, audienceId: string, emails: string[]): Promise<Map<string, PolledStatus>> {
  if (emails.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ email: string; type: string }>>`
    SELECT DISTINCT ON (email) email, type FROM mailchimp_webhook_events
    WHERE list_id = ${audienceId} AND email = ANY(${emails}::text[]) AND type IN ('subscribe', 'unsubscribe', 'cleaned')
    ORDER BY email, COALESCE(fired_at, received_at) DESC, id DESC`;
  const known = new Map<string, PolledStatus>();
  for (const row of rows) {
    const status = statusOfEventType(row.type);
    if (status) known.set(row.email, status);
  }
  return known;
}

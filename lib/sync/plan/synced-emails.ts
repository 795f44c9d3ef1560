import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The addresses the engine last synced (and has not seen leave) for any of these partners: an incremental run
 * re-decides each of them, so a partner who stopped being eligible, or whose email changed or was removed,
 * leaves Mailchimp's managed tags without waiting for a full run.
 */
export async function syncedEmailsOf(prisma: PrismaClient, partnerIds: number[]): Promise<string[]> {
  if (partnerIds.length === 0) return [];
  const rows = await prisma.$queryRawUnsafe<{ email: string }[]>(
    `SELECT DISTINCT email FROM sync_records WHERE last_status = 'synced' AND partner_ids && $1::int[]`,
    partnerIds,
  );
  return rows.map((r) => r.email);
}

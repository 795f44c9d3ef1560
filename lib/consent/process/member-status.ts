import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient;

/**
 * Records Mailchimp's status on the engine's own rows so the console can compare it with Odoo. Only rows the
 * engine already knows are touched: an unknown address gets no sync_records row from here (the event itself
 * stays visible instead).
 */
export async function setMemberStatus(db: Db, audienceId: string, email: string, status: string): Promise<number> {
  const { count } = await db.syncRecord.updateMany({
    where: { audienceId, email, NOT: { memberStatus: status } },
    data: { memberStatus: status },
  });
  if (count > 0) return count;
  // NOT (member_status = x) is unknown for NULL in SQL, so rows never seen before need their own update.
  const fresh = await db.syncRecord.updateMany({ where: { audienceId, email, memberStatus: null }, data: { memberStatus: status } });
  return fresh.count;
}

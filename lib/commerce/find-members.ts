import type { Db } from "@/lib/sync/run/db";
import type { MemberRef } from "./types";

/** Partner ids per lookup: one GIN probe of sync_records.partner_ids each (7 KB of ids as a bound parameter). */
const PARTNERS_PER_QUERY = 2_000;

/**
 * partner id -> the member the member sync wrote for it (sync_records, synced), for just these partners: the
 * buyers of the orders in hand, their commercial partners and families. Indexing every synced member instead held
 * a Map entry per partner of the whole business, which ran the 128 MB worker out of heap at 1M partners (366k
 * members) as the commerce step started. The same rule as indexMembers: the first member by (audience, email) wins
 * for a partner in several audiences.
 */
export async function findMembersOf(prisma: Db, partnerIds: Iterable<number>): Promise<Map<number, MemberRef>> {
  const ids = [...new Set(partnerIds)].sort((a, b) => a - b);
  const byPartner = new Map<number, MemberRef>();
  for (let i = 0; i < ids.length; i += PARTNERS_PER_QUERY) {
    const part = ids.slice(i, i + PARTNERS_PER_QUERY);
    const wanted = new Set(part);
    const rows = await prisma.$queryRaw<Array<{ audience_id: string; email: string; partner_ids: number[] }>>`
      SELECT audience_id, email, partner_ids FROM sync_records
      WHERE partner_ids && ${part}::int[] AND last_status = 'synced' AND payload_hash IS NOT NULL
      ORDER BY audience_id, email`;
    for (const r of rows) {
      const member: MemberRef = { audienceId: r.audience_id, email: r.email, partnerIds: r.partner_ids };
      for (const id of r.partner_ids) if (wanted.has(id) && !byPartner.has(id)) byPartner.set(id, member);
    }
  }
  return byPartner;
}

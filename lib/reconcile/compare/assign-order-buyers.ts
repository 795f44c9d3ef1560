import { readPartnerFamilies } from "@/lib/commerce/read-odoo";
import { selectCustomer } from "@/lib/commerce/select-customer";
import type { MemberRef } from "@/lib/commerce/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";

/** Orders per step: their buyers' families are read from Odoo per step, so memory stays flat with the business. */
const ORDERS_PER_STEP = 5_000;
/** Partner ids per lookup of their expected members. */
const PARTNERS_PER_QUERY = 2_000;

/**
 * Decides, for every Odoo order of the pass, whose order it is in Mailchimp: the member the commerce sync would
 * pick (lib/commerce/select-customer.ts: the buyer, else its company, else the family's first member), among the
 * members Odoo says each audience should hold (reconcile_expected). The order is then expected in the store of
 * (its company, that member's audience, its currency); an order with no such member is in Odoo's books but not for
 * Mailchimp, and Revenue shows it apart instead of as a difference. One rule for the sync and its check, so a
 * B2B order sent to a company's contact is neither "extra" in Mailchimp nor "missing" from it.
 *
 * Orders are taken 5,000 at a time (the first bench at 270k partners ran a 128 MB worker out of heap holding
 * 800k orders at once), and so are the members their buyers' families may be (holding every expected member
 * ran the 1M bench's worker out of heap as well).
 */
export async function assignOrderBuyers(prisma: PrismaClient, odoo: OdooClient, passId: string): Promise<void> {
  for (let after = 0; ; ) {
    const orders = await prisma.reconcileOdooOrder.findMany({
      where: { passId, partnerId: { not: null }, saleOrderId: { gt: after } },
      select: { saleOrderId: true, partnerId: true }, orderBy: { saleOrderId: "asc" }, take: ORDERS_PER_STEP,
    });
    if (orders.length === 0) return;
    after = orders.at(-1)!.saleOrderId;
    const { commercialOf, families } = await readPartnerFamilies(odoo, orders.map((o) => o.partnerId as number));
    const memberOf = await expectedMembersOf(prisma, passId, [...orders.map((o) => o.partnerId as number), ...commercialOf.values(), ...[...families.values()].flat()]);
    const ids: number[] = [];
    const audiences: string[] = [];
    const emails: string[] = [];
    for (const o of orders) {
      const partner = o.partnerId as number;
      const commercial = commercialOf.get(partner) ?? partner;
      const member = selectCustomer(partner, commercial, families.get(commercial) ?? [], (id) => memberOf.get(id));
      if (!member) continue;
      ids.push(o.saleOrderId);
      audiences.push(member.audienceId);
      emails.push(member.email);
    }
    if (ids.length === 0) continue;
    await prisma.$executeRaw`
      UPDATE reconcile_odoo_orders o SET routed = true, buyer_audience_id = b.audience_id, buyer_email = b.email
      FROM unnest(${ids}::int[], ${audiences}::text[], ${emails}::text[]) AS b(sale_order_id, audience_id, email)
      WHERE o.pass_id = ${passId}::uuid AND o.sale_order_id = b.sale_order_id`;
  }
}

/**
 * partner id -> the member Odoo wants for it, for the partners of one step's orders only (through the GIN index on
 * reconcile_expected.partner_ids): indexing every expected member held a Map entry per member of the business. A
 * partner in several audiences goes to the first by (audience, email), as the sync's own lookup does
 * (lib/commerce/find-members.ts). Postgres picks it (DISTINCT ON).
 */
async function expectedMembersOf(prisma: PrismaClient, passId: string, partnerIds: number[]): Promise<Map<number, MemberRef>> {
  const ids = [...new Set(partnerIds)];
  const byPartner = new Map<number, MemberRef>();
  for (let i = 0; i < ids.length; i += PARTNERS_PER_QUERY) {
    const part = ids.slice(i, i + PARTNERS_PER_QUERY);
    const rows = await prisma.$queryRaw<Array<{ pid: number; audience_id: string; email: string }>>`
      SELECT DISTINCT ON (p.pid) p.pid, e.audience_id, e.email
      FROM reconcile_expected e CROSS JOIN LATERAL unnest(e.partner_ids) AS p(pid)
      WHERE e.pass_id = ${passId}::uuid AND e.partner_ids && ${part}::int[] AND p.pid = ANY(${part}::int[])
      ORDER BY p.pid, e.audience_id, e.email`;
    for (const r of rows) byPartner.set(r.pid, { audienceId: r.audience_id, email: r.email, partnerIds: [r.pid] });
  }
  return byPartner;
}

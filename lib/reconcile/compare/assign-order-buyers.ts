import { readPartnerFamilies } from "@/lib/commerce/read-odoo";
import { indexMembers, selectCustomer } from "@/lib/commerce/select-customer";
import type { MemberRef } from "@/lib/commerce/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";

/**
 * Decides, for every Odoo order of the pass, whose order it is in Mailchimp: the member the commerce sync would
 * pick (lib/commerce/select-customer.ts: the buyer, else its company, else the family's first member), among the
 * members Odoo says each audience should hold (reconcile_expected). The order is then expected in the store of
 * (its company, that member's audience, its currency); an order with no such member is in Odoo's books but not for
 * Mailchimp, and Revenue shows it apart instead of as a difference. One rule for the sync and its check, so a
 * B2B order sent to a company's contact is neither "extra" in Mailchimp nor "missing" from it.
 */
export async function assignOrderBuyers(prisma: PrismaClient, odoo: OdooClient, passId: string): Promise<void> {
  const orders = await prisma.reconcileOdooOrder.findMany({ where: { passId, partnerId: { not: null } }, select: { saleOrderId: true, partnerId: true } });
  if (orders.length === 0) return;
  // The same order as the sync's own index (by audience, then email): a partner in two audiences goes to the first.
  const expected = await prisma.reconcileExpected.findMany({ where: { passId }, select: { audienceId: true, email: true, partnerIds: true }, orderBy: [{ audienceId: "asc" }, { email: "asc" }] });
  const byPartner = indexMembers(expected as MemberRef[]);
  const { commercialOf, families } = await readPartnerFamilies(odoo, orders.map((o) => o.partnerId as number));
  const ids: number[] = [];
  const audiences: string[] = [];
  const emails: string[] = [];
  for (const o of orders) {
    const partner = o.partnerId as number;
    const commercial = commercialOf.get(partner) ?? partner;
    const member = selectCustomer(partner, commercial, families.get(commercial) ?? [], (id) => byPartner.get(id));
    if (!member) continue;
    ids.push(o.saleOrderId);
    audiences.push(member.audienceId);
    emails.push(member.email);
  }
  await prisma.$executeRaw`
    UPDATE reconcile_odoo_orders o SET routed = true, buyer_audience_id = b.audience_id, buyer_email = b.email
    FROM unnest(${ids}::int[], ${audiences}::text[], ${emails}::text[]) AS b(sale_order_id, audience_id, email)
    WHERE o.pass_id = ${passId}::uuid AND o.sale_order_id = b.sale_order_id`;
}

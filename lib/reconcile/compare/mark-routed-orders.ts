import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Policy } from "@/lib/sync/policy";

/** The policy's routing as SQL reads it: each rule's audience and the companies it takes (null: any). */
export const routesJson = (policy: Policy) => JSON.stringify(policy.routing.rules.map((r) => ({ audience: r.audienceId, companies: r.companyIds ?? null })));

/**
 * Marks the Odoo orders meant for Mailchimp: those whose buyer (sale.order.partner_id) the planner routes to an
 * audience (reconcile_expected) whose rules take the order's company. The others (buyers excluded, blacklisted,
 * without an email...) are in Odoo's books but never sent: revenue shows them apart instead of as a difference.
 */
export async function markRoutedOrders(prisma: PrismaClient, passId: string, policy: Policy): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE reconcile_odoo_orders o SET routed = true
     FROM (SELECT DISTINCT e.audience_id, p.pid FROM reconcile_expected e CROSS JOIN LATERAL unnest(e.partner_ids) AS p(pid) WHERE e.pass_id = $1::uuid) b
     WHERE o.pass_id = $1::uuid AND b.pid = o.partner_id
       AND EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(audience text, companies int[])
                   WHERE r.audience = b.audience_id AND (r.companies IS NULL OR o.company_id = ANY(r.companies)))`,
    passId, routesJson(policy),
  );
}

import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Snapshots and gaps of this many succeeded passes are kept (the latest is shown; one more for comparison). */
export const KEPT_PASSES = 2;

/**
 * Members, expected records and gaps are per pass and large (one row per member); only the latest passes need
 * them. Per-audience counts (reconcile_audiences) and revenue (reconcile_revenue) are small and kept for the trend.
 */
export async function prunePasses(prisma: PrismaClient): Promise<void> {
  const keep = await prisma.reconcilePass.findMany({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" }, take: KEPT_PASSES, select: { id: true } });
  const active = await prisma.reconcilePass.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  const ids = [...keep, ...active].map((p) => p.id);
  for (const table of ["reconcile_gaps", "reconcile_members", "reconcile_expected", "reconcile_odoo_orders", "reconcile_mailchimp_orders"])
    await prisma.$executeRawUnsafe(`DELETE FROM ${table} WHERE pass_id <> ALL($1::uuid[])`, ids);
}

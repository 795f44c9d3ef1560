/**
 * POST /api/cron/reconcile — starts a reconciliation read-back (Mailchimp read in bulk and compared with what
 * Odoo wants there) and answers 202 {passId}, or 200 {passId, created: false} when one is already under way.
 * For schedulers only: `Authorization: Bearer <CRON_SECRET>`, never a session. Without CRON_SECRET the route
 * refuses everything (503); a wrong secret gets 401.
 */
import { getEnv } from "@/lib/env";
import { getPrisma } from "@/lib/db/client";
import { handleReconcileCron } from "@/lib/reconcile/cron";
import { getPassQueue } from "@/lib/reconcile/run/env-queue";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  return handleReconcileCron(req, { secret: getEnv().CRON_SECRET, prisma: getPrisma, queue: getPassQueue });
}

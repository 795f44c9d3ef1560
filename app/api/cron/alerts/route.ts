/**
 * POST /api/cron/alerts — queues a full alert check (every evaluator plus the proactive diagnosis of Odoo's
 * fields and Mailchimp's merge fields and webhooks), which a worker runs; answers 202 {queued: true}, or 200
 * {queued: false} when a check is already waiting. For schedulers only (e.g. every 15 minutes):
 * `Authorization: Bearer <CRON_SECRET>`, never a session. Without CRON_SECRET the route refuses everything
 * (503); a wrong secret gets 401.
 */
import { getEnv } from "@/lib/env";
import { handleAlertsCron } from "@/lib/alerts/cron";
import { getQueueBoss } from "@/lib/sync/run/env-queue";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  return handleAlertsCron(req, { secret: getEnv().CRON_SECRET, boss: getQueueBoss });
}

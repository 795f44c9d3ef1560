/**
 * POST /api/cron/sync — starts a sync run (incremental unless the JSON body says {"mode":"full"}) and answers
 * 202 {runId}; the workers do the rest. For schedulers only (a cron job, a platform scheduler): callers
 * authenticate with `Authorization: Bearer <CRON_SECRET>`, not with a session. Without CRON_SECRET the route
 * refuses everything (503); a wrong secret gets 401; a run already active gets 409.
 */
import { getEnv } from "@/lib/env";
import { getPrisma } from "@/lib/db/client";
import { handleCronRequest } from "@/lib/sync/run/cron";
import { getRunQueue } from "@/lib/sync/run/env-queue";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  return handleCronRequest(req, { secret: getEnv().CRON_SECRET, prisma: getPrisma, queue: getRunQueue });
}

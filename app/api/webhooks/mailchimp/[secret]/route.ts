/**
 * Mailchimp's webhook endpoint: /api/webhooks/mailchimp/<MAILCHIMP_WEBHOOK_SECRET>.
 *
 * Who may call it: Mailchimp, and only with the secret in the path (Mailchimp signs nothing, so the URL is the
 * credential; no session). Unset secret or wrong secret: 404, as if the route did not exist.
 * GET answers 200 (Mailchimp checks the URL before saving a webhook). POST takes a form-encoded delivery
 * (64 KB at most), validates it, stores it in mailchimp_webhook_events and answers 200. Nothing is
 * processed here: lib/consent's processor applies stored events later, once each.
 */
import { getPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { receiveWebhookGet, receiveWebhookPost, type ReceiverDeps } from "@/lib/consent/webhook/receive";

type Context = { params: Promise<{ secret: string }> };

function deps(): ReceiverDeps {
  return { prisma: getPrisma(), secret: getEnv().MAILCHIMP_WEBHOOK_SECRET, log: logger };
}

export async function GET(_req: Request, ctx: Context): Promise<Response> {
  const { secret } = await ctx.params;
  return receiveWebhookGet(deps(), secret);
}

export async function POST(req: Request, ctx: Context): Promise<Response> {
  const { secret } = await ctx.params;
  return receiveWebhookPost(deps(), secret, req);
}

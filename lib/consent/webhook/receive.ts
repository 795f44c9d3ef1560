import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "../types";
import { dedupeKeyOf } from "./dedupe-key";
import { eventEmail, webhookEventSchema } from "./event-schema";
import { loadManagedAudiences, unmanagedListReason } from "./managed-audiences";
import { formToTree } from "./parse-form";
import { readBodyLimited } from "@/lib/http/read-body";
import { secretMatches } from "./secret";

/**
 * The Mailchimp webhook receiver's logic, free of Next.js so tests and other hosts can call it. It only checks
 * and stores: processing happens later (processWebhookEvents), so Mailchimp gets its answer in milliseconds
 * and a slow Odoo never makes Mailchimp retry or disable the webhook.
 */
export interface ReceiverDeps {
  prisma: PrismaClient;
  /** MAILCHIMP_WEBHOOK_SECRET; undefined disables the endpoint (404 to everyone). */
  secret: string | undefined;
  log: Pick<Logger, "warn" | "info">;
  /** The clock fired_at is checked against; tests move it. */
  now?: () => Date;
}

export const MAX_WEBHOOK_BODY = 64 * 1024;
/** Mailchimp's clock and ours may differ a little; a fired_at further ahead than this is refused as forged. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Postgres text cannot hold NUL (22021), and no real delivery contains one. */
const NUL = "\u0000";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status });
const notFound = () => json(404, { error: "not_found" });

function authorized(deps: ReceiverDeps, given: string, method: string): boolean {
  if (deps.secret === undefined) return false;
  if (secretMatches(deps.secret, given)) return true;
  // The token is the only credential: log that someone is guessing, never what they tried.
  deps.log.warn({ method, tokenLength: given.length }, "mailchimp webhook called with a wrong secret");
  return false;
}

/** Mailchimp validates the URL with a GET before it saves a webhook. */
export function receiveWebhookGet(deps: ReceiverDeps, given: string): Response {
  return authorized(deps, given, "GET") ? json(200, { ok: true }) : notFound();
}

export async function receiveWebhookPost(deps: ReceiverDeps, given: string, req: Request): Promise<Response> {
  if (!authorized(deps, given, "POST")) return notFound();
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return json(415, { error: "unsupported_media_type" });
  const body = await readBodyLimited(req, MAX_WEBHOOK_BODY);
  if (body === "too_large") return json(413, { error: "payload_too_large" });

  const params = new URLSearchParams(body);
  if ([...params].some(([k, v]) => k.includes(NUL) || v.includes(NUL))) {
    return json(400, { error: "invalid_event", issues: ["NUL bytes are not allowed"] });
  }
  const tree = formToTree(params);
  const parsed = webhookEventSchema.safeParse(tree);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    return json(400, { error: "invalid_event", issues });
  }
  const event = parsed.data;
  const now = deps.now?.() ?? new Date();
  if (event.fired_at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return json(400, { error: "invalid_event", issues: ["fired_at: is in the future"] });
  }
  const email = eventEmail(event);
  const managed = (await loadManagedAudiences(deps.prisma)).has(event.data.list_id);
  const ignoredReason = event.type === "campaign" ? "campaign events carry no consent" : managed ? null : unmanagedListReason(event.data.list_id);
  const { count } = await deps.prisma.mailchimpWebhookEvent.createMany({
    data: [
      {
        listId: event.data.list_id,
        type: event.type,
        email: email === null ? null : normalizeEmail(email),
        firedAt: event.fired_at,
        source: "webhook",
        // The delivery as received (nested), so the processor re-validates exactly what Mailchimp sent.
        payload: tree,
        dedupeKey: dedupeKeyOf(event),
        status: ignoredReason === null ? "received" : "ignored",
        ignoredReason,
      },
    ],
    skipDuplicates: true,
  });
  return json(200, { ok: true, stored: count === 1 });
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bearerMatches } from "@/lib/sync/run/cron";
import type { PassQueue } from "./run/jobs";
import { requestPass } from "./run/request-pass";

export interface ReconcileCronDeps {
  /** undefined: no scheduler may start passes (fail closed). */
  secret: string | undefined;
  prisma: () => PrismaClient;
  queue: () => Promise<PassQueue>;
}

/** The reconcile cron route's logic, a plain function of a Request so it is tested without Next. */
export async function handleReconcileCron(req: Request, deps: ReconcileCronDeps): Promise<Response> {
  if (!deps.secret) return json(503, { error: "Scheduled read-backs are disabled: CRON_SECRET is not set" });
  if (!bearerMatches(req.headers.get("authorization"), deps.secret)) return json(401, { error: "Unauthorized" });
  const { passId, created } = await requestPass(deps.prisma(), { trigger: "cron" }, await deps.queue());
  // 202 for a new pass; 200 with the pass already under way (one at a time, so the schedule never piles up).
  return json(created ? 202 : 200, { passId, created });
}

function json(status: number, payload: object): Response {
  return Response.json(payload, { status, headers: { "cache-control": "no-store" } });
}

import type PgBoss from "pg-boss";
import { bearerMatches } from "@/lib/sync/run/cron";
import { requestAlertCheck } from "./check-job";

export interface AlertsCronDeps {
  /** undefined: no scheduler may call (fail closed). */
  secret: string | undefined;
  boss: () => Promise<PgBoss>;
}

/** The alerts cron route's logic, a plain function of a Request so it is tested without Next. */
export async function handleAlertsCron(req: Request, deps: AlertsCronDeps): Promise<Response> {
  if (!deps.secret) return json(503, { error: "Scheduled alert checks are disabled: CRON_SECRET is not set" });
  if (!bearerMatches(req.headers.get("authorization"), deps.secret)) return json(401, { error: "Unauthorized" });
  const jobId = await requestAlertCheck(await deps.boss());
  // 202 for a new check; 200 when one is already waiting for a worker (the schedule never piles up).
  return json(jobId ? 202 : 200, { queued: jobId !== null });
}

function json(status: number, payload: object): Response {
  return Response.json(payload, { status, headers: { "cache-control": "no-store" } });
}

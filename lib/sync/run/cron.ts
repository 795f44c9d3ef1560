import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import { readBodyLimited } from "@/lib/http/read-body";
import type { Db } from "./db";
import { RunConflictError } from "./errors";
import type { RunQueue } from "./queue";
import { requestRun } from "./request-run";

export interface CronDeps {
  /** undefined: no scheduler may start runs (fail closed). */
  secret: string | undefined;
  prisma: () => Db;
  queue: () => Promise<RunQueue>;
}

/** The body is at most `{"mode":"incremental"}`; anything much larger is not a scheduler talking. */
export const MAX_CRON_BODY = 1024;

const body = z.object({ mode: z.enum(["full", "incremental"]).default("incremental") }).strict();

/** The cron route's logic, as a plain function of a Request so it is tested without Next. */
export async function handleCronRequest(req: Request, deps: CronDeps): Promise<Response> {
  if (!deps.secret) return json(503, { error: "Scheduled runs are disabled: CRON_SECRET is not set" });
  if (!bearerMatches(req.headers.get("authorization"), deps.secret)) return json(401, { error: "Unauthorized" });
  const text = await readBodyLimited(req, MAX_CRON_BODY);
  if (text === "too_large") return json(413, { error: `Body over ${MAX_CRON_BODY} bytes` });
  let parsed: z.infer<typeof body>;
  try {
    parsed = body.parse(text.trim() === "" ? {} : JSON.parse(text));
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof z.ZodError) return json(400, { error: "Body must be {\"mode\": \"full\" | \"incremental\"} or empty" });
    throw err;
  }
  try {
    const { runId } = await requestRun(deps.prisma(), { mode: parsed.mode, trigger: "cron" }, await deps.queue());
    return json(202, { runId });
  } catch (err) {
    if (err instanceof RunConflictError) return json(409, { error: err.message, activeRunId: err.activeRunId });
    throw err;
  }
}

/** Hashing both sides first gives equal lengths, so the comparison time says nothing about the secret. */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(secret));
}

function json(status: number, payload: object): Response {
  return Response.json(payload, { status, headers: { "cache-control": "no-store" } });
}

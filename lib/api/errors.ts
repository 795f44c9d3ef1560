import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/health";
import { badInputStatus } from "./bad-input-status";

/** The one error type route handlers and actions throw on purpose; anything else becomes a generic 500. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const unauthorized = () => new ApiError(401, "unauthorized", "Sign in first.");
export const forbiddenFor = (what: string) => new ApiError(403, "forbidden", `Your role may not ${what}.`);

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: { code: "invalid_input", message: "The request is not valid.", issues: error.issues } },
      { status: 400 },
    );
  }
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: say so (503, so clients retry) without a stack per request.
    logger.warn({ code: (error as { code?: string }).code }, "database unavailable");
    return NextResponse.json({ error: { code: "database_unavailable", message: "The database is unavailable. Try again shortly." } }, { status: 503 });
  }
  const status = badInputStatus(error);
  if (status !== undefined) {
    // The caller's mistake, not ours: one line, no stack.
    logger.info({ status, code: (error as { code?: string }).code }, "refused input the database cannot hold");
    return NextResponse.json(
      { error: { code: status === 404 ? "not_found" : "invalid_input", message: status === 404 ? "Not found." : "The request is not valid." } },
      { status },
    );
  }
  logger.error({ err: error }, "unhandled error in route handler");
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
}

import { MailchimpError, type MailchimpErrorKind, type MailchimpFieldError } from "./errors";

/** Mailchimp's problem+json body; every field optional because proxies and throttles send less. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: MailchimpFieldError[];
}

const NETWORK_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "EHOSTUNREACH",
  "ENETUNREACH", "ESOCKETTIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT",
]);

/**
 * Any failure -> MailchimpError. Understands superagent errors from the official client (err.status,
 * err.response.body / text), fetch errors, and MailchimpError itself (returned as is).
 */
export function classifyMailchimpError(err: unknown): MailchimpError {
  if (err instanceof MailchimpError) return err;
  const e = (typeof err === "object" && err !== null ? err : {}) as Record<string, unknown>;
  const response = (typeof e.response === "object" && e.response !== null ? e.response : undefined) as
    | { status?: unknown; body?: unknown; text?: unknown }
    | undefined;
  const status = typeof e.status === "number" ? e.status : typeof response?.status === "number" ? response.status : undefined;
  // Superagent leaves body {} when it did not parse the payload (e.g. JSON sent as text/plain): fall back to text.
  const parsed = response?.body;
  const body = parsed && typeof parsed === "object" && Object.keys(parsed).length > 0 ? parsed : response?.text;
  if (status !== undefined) return classifyHttpFailure(status, body, err);
  const code = typeof e.code === "string" ? e.code : causeCode(e.cause);
  const name = err instanceof Error ? err.name : "";
  if ((code !== undefined && NETWORK_CODES.has(code)) || name === "TimeoutError" || name === "AbortError" || e.timeout !== undefined) {
    const detail = err instanceof Error ? err.message : String(err);
    return new MailchimpError({ kind: "transient", detail, cause: err });
  }
  return new MailchimpError({ kind: "unexpected", detail: err instanceof Error ? err.message : String(err), cause: err });
}

/** An HTTP status plus whatever body came with it (parsed object, JSON text, or nothing). */
export function classifyHttpFailure(status: number, body: unknown, cause?: unknown): MailchimpError {
  const problem = toProblem(body);
  const init = { status, cause, ...(problem ?? {}) };
  return new MailchimpError({ ...init, status, kind: kindOf(status, problem) });
}

export function kindOf(status: number, problem: ProblemBody | undefined): MailchimpErrorKind {
  if (status === 429) return "throttle";
  // At very high volume Mailchimp answers a bare 403; its own plugin treats that as a throttle.
  if (status === 403) return problem === undefined ? "throttle" : "auth";
  if (status === 401) return "auth";
  if (status >= 500 || status === 408) return "transient";
  const title = problem?.title ?? "";
  const detail = problem?.detail ?? "";
  if (title === "Member In Compliance State") return "compliance";
  if (title === "Forgotten Email Not Subscribed") return "forgotten";
  if (title === "Member Exists") return "member_exists";
  if (/looks fake or invalid/i.test(detail)) return "invalid_email";
  if (/merge fields were invalid/i.test(detail)) return "invalid_merge_field";
  if (/product with the provided ID does not exist/i.test(detail)) return "missing_product";
  if (status === 404) return "not_found";
  return "bad_request";
}

/** A problem body only counts when it is JSON with at least a title, detail or status. */
export function toProblem(body: unknown): ProblemBody | undefined {
  let value = body;
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    try {
      value = JSON.parse(value) as unknown;
    } catch (err) {
      if (err instanceof SyntaxError) return undefined;
      throw err;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.title === undefined && v.detail === undefined && v.status === undefined) return undefined;
  return {
    type: str(v.type),
    title: str(v.title),
    status: typeof v.status === "number" ? v.status : undefined,
    detail: str(v.detail),
    instance: str(v.instance),
    errors: Array.isArray(v.errors) ? v.errors.map(fieldError) : undefined,
  };
}

function fieldError(raw: unknown): MailchimpFieldError {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return { field: str(r.field) ?? "", message: str(r.message) ?? "" };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function causeCode(cause: unknown): string | undefined {
  const c = typeof cause === "object" && cause !== null ? (cause as Record<string, unknown>) : {};
  return typeof c.code === "string" ? c.code : undefined;
}

import { classifyHttpFailure, toProblem } from "./classify";
import type { MailchimpError, MailchimpErrorKind } from "./errors";

/** One entry of `errors` in a POST /lists/{id} (batch subscribe) answer. */
export interface RawMemberError {
  email_address?: string;
  error?: string;
  error_code?: string;
  field?: string;
  field_message?: string;
}

export interface MemberError {
  email: string;
  kind: MailchimpErrorKind;
  message: string;
  code: string;
  field?: string;
  fieldMessage?: string;
}

/**
 * Batch subscribe reports failures as free text plus ERROR_CONTACT_EXISTS | ERROR_GENERIC. The texts match the
 * single-call details, so the same kinds apply and callers treat both paths alike.
 */
export function classifyMemberError(raw: RawMemberError): MemberError {
  const message = raw.error ?? "";
  const code = raw.error_code ?? "";
  return {
    email: raw.email_address ?? "",
    kind: memberErrorKind(message, code, raw.field),
    message,
    code,
    ...(raw.field ? { field: raw.field } : {}),
    ...(raw.field_message ? { fieldMessage: raw.field_message } : {}),
  };
}

function memberErrorKind(message: string, code: string, field: string | undefined): MailchimpErrorKind {
  if (code === "ERROR_CONTACT_EXISTS" || /already a list member/i.test(message)) return "member_exists";
  if (/compliance state/i.test(message)) return "compliance";
  if (/forgotten|permanently deleted/i.test(message)) return "forgotten";
  if (/looks fake or invalid/i.test(message)) return "invalid_email";
  if (field || /merge field/i.test(message)) return "invalid_merge_field";
  return "bad_request";
}

/** One entry of a /batches result file. `response` is the JSON body as a string. */
export interface RawOperationResult {
  status_code: number;
  operation_id: string | null;
  response: string;
}

export interface OperationResult {
  operationId: string | null;
  status: number;
  ok: boolean;
  /** Parsed response body (undefined for empty bodies, e.g. 204). */
  body: unknown;
  error?: MailchimpError;
}

export function classifyOperationResult(raw: RawOperationResult): OperationResult {
  const body = parseBody(raw.response);
  const ok = raw.status_code >= 200 && raw.status_code < 300;
  const base = { operationId: raw.operation_id ?? null, status: raw.status_code, ok, body };
  if (ok) return base;
  // A bare 403 inside a batch is a throttle too: same rule as single calls.
  return { ...base, error: classifyHttpFailure(raw.status_code, toProblem(body) ?? undefined) };
}

function parseBody(text: string): unknown {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (err instanceof SyntaxError) return text;
    throw err;
  }
}

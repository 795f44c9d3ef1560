import {
  OdooAccessError,
  OdooAuthError,
  OdooError,
  OdooMissingError,
  OdooTransientError,
  OdooValidationError,
} from "./errors";

/** What both protocols report about a server-side exception. */
export interface OdooFault {
  name: string;
  message: string;
  debug?: string;
  status?: number;
  code?: number;
}

const SESSION_EXPIRED_CODE = 100;

// Concurrency failures roll the transaction back, so a retry cannot double-apply anything.
const CONCURRENCY_NAMES = /(SerializationFailure|TransactionRollbackError|LockNotAvailable|DeadlockDetected|LockError|ConcurrencyError)$/;
const UNKNOWN_MODEL = /^Object .+ doesn't exist/;

/** Maps an Odoo exception (by its name first, then HTTP status) to the typed hierarchy. */
export function mapOdooFault(fault: OdooFault): OdooError {
  const details = { odooName: fault.name, status: fault.status, debug: fault.debug, code: fault.code };
  const message = fault.message || fault.name || "Odoo error";
  const short = fault.name.split(".").pop() ?? "";
  if (fault.code === SESSION_EXPIRED_CODE || short === "SessionExpiredException") {
    return new OdooTransientError(message, { ...details, sessionExpired: true });
  }
  if (CONCURRENCY_NAMES.test(fault.name)) return new OdooTransientError(message, details);
  if (short === "AccessDenied") return new OdooAuthError(message, details);
  if (short === "AccessError") return new OdooAccessError(message, details);
  if (short === "MissingError") return new OdooMissingError(message, details);
  if (short === "UserError" && UNKNOWN_MODEL.test(message)) return new OdooMissingError(message, details);
  if (short === "ValidationError" || short === "UserError" || short === "ValueError") {
    return new OdooValidationError(message, details);
  }
  return fault.status === undefined ? new OdooError(message, details) : mapByStatus(fault.status, message, details);
}

/** For responses without a usable Odoo body (gateways, proxies, plain 400s). */
export function mapHttpStatus(status: number, bodyText: string): OdooError {
  const message = `HTTP ${status}${bodyText ? `: ${bodyText.slice(0, 200)}` : ""}`;
  return mapByStatus(status, message, { status });
}

function mapByStatus(status: number, message: string, details: { status?: number; odooName?: string; debug?: string }) {
  switch (status) {
    case 401:
      return new OdooAuthError(message, details);
    case 403:
      return new OdooAccessError(message, details);
    case 404:
      return new OdooMissingError(message, details);
    case 422:
      return new OdooValidationError(message, details);
    case 409:
    case 429:
    case 503:
      return new OdooTransientError(message, details);
    case 502:
    case 504:
      // A gateway gave up; the worker behind it may still have committed.
      return new OdooTransientError(message, { ...details, ambiguous: true });
    default:
      return new OdooError(message, details);
  }
}

/** fetch() failures: timeouts and socket errors never carry an Odoo answer. */
export function mapFetchFailure(err: unknown, timeoutMs: number): OdooError {
  if (err instanceof OdooError) return err;
  const name = err instanceof Error ? err.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new OdooTransientError(`Odoo request timed out after ${timeoutMs} ms`, { cause: err, ambiguous: true });
  }
  const text = err instanceof Error ? err.message : String(err);
  return new OdooTransientError(`Network error talking to Odoo: ${text}`, { cause: err, ambiguous: true });
}

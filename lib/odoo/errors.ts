/**
 * One error hierarchy for everything the Odoo connector can throw after talking to the server.
 * Callers branch on the class (or `retryable`), never on message text.
 */
export interface OdooErrorDetails {
  /** Odoo's exception name, e.g. "odoo.exceptions.AccessError"; "" when the failure never reached Odoo. */
  odooName?: string;
  /** HTTP status when one was received (JSON-2 errors, gateway failures). */
  status?: number;
  /** Server-side traceback text (jsonrpc `data.debug`, JSON-2 `debug`). */
  debug?: string;
  /** jsonrpc error code: 200 (<= 18), 0 (19), 100 session expired. */
  code?: number;
  cause?: unknown;
}

export class OdooError extends Error {
  override name = "OdooError";
  readonly odooName: string;
  readonly status: number | undefined;
  readonly debug: string | undefined;
  readonly code: number | undefined;
  /** Whether trying again later may succeed (set by the transient subclass). */
  readonly retryable: boolean = false;

  constructor(message: string, details: OdooErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.odooName = details.odooName ?? "";
    this.status = details.status;
    this.debug = details.debug;
    this.code = details.code;
  }
}

/** Bad credentials: AccessDenied, HTTP 401, or authenticate() answering false. */
export class OdooAuthError extends OdooError {
  override name = "OdooAuthError";
}

/** The user may not do this: AccessError, HTTP 403, private methods. */
export class OdooAccessError extends OdooError {
  override name = "OdooAccessError";
}

/** Odoo refused the input: ValidationError, UserError, ValueError, HTTP 422. */
export class OdooValidationError extends OdooError {
  override name = "OdooValidationError";
}

/** Unknown model or record: MissingError, HTTP 404, "Object x doesn't exist". */
export class OdooMissingError extends OdooError {
  override name = "OdooMissingError";
}

/** Worth retrying: network failures, timeouts, 429/502/503/504, session expiry, lock/serialization conflicts. */
export class OdooTransientError extends OdooError {
  override name = "OdooTransientError";
  override readonly retryable: boolean = true;
  /** True when the request may have been executed by the server (timeouts, resets, 502/504). */
  readonly ambiguous: boolean;
  /** True when the server said the session expired (jsonrpc code 100): re-authenticate first. */
  readonly sessionExpired: boolean;

  constructor(message: string, details: OdooErrorDetails & { ambiguous?: boolean; sessionExpired?: boolean } = {}) {
    super(message, details);
    this.ambiguous = details.ambiguous ?? false;
    this.sessionExpired = details.sessionExpired ?? false;
  }
}

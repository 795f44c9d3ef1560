import { describe, expect, it } from "vitest";
import { mapFetchFailure, mapHttpStatus, mapOdooFault } from "./error-mapping";
import { OdooAccessError, OdooAuthError, OdooError, OdooMissingError, OdooTransientError, OdooValidationError } from "./errors";

describe("mapOdooFault", () => {
  const fault = (name: string, message = "m", extra: object = {}) => mapOdooFault({ name, message, debug: "Traceback...", ...extra });

  it("maps exception names to the typed hierarchy and keeps name, message, debug", () => {
    const e = fault("odoo.exceptions.AccessError", "Private methods (such as _x) cannot be called remotely.");
    expect(e).toBeInstanceOf(OdooAccessError);
    expect(e).toMatchObject({ odooName: "odoo.exceptions.AccessError", debug: "Traceback...", retryable: false });
    expect(e.message).toContain("Private methods");
    expect(fault("odoo.exceptions.AccessDenied")).toBeInstanceOf(OdooAuthError);
    expect(fault("odoo.exceptions.ValidationError")).toBeInstanceOf(OdooValidationError);
    expect(fault("odoo.exceptions.UserError")).toBeInstanceOf(OdooValidationError);
    expect(fault("builtins.ValueError")).toBeInstanceOf(OdooValidationError);
    expect(fault("odoo.exceptions.MissingError")).toBeInstanceOf(OdooMissingError);
  });

  it("treats an unknown model as missing, not as a validation problem", () => {
    expect(fault("odoo.exceptions.UserError", "Object res.nothing doesn't exist")).toBeInstanceOf(OdooMissingError);
  });

  it("marks session expiry and concurrency failures transient", () => {
    const expired = fault("odoo.http.SessionExpiredException", "Session expired", { code: 100 });
    expect(expired).toBeInstanceOf(OdooTransientError);
    expect((expired as OdooTransientError).sessionExpired).toBe(true);
    expect(fault("psycopg2.errors.SerializationFailure")).toBeInstanceOf(OdooTransientError);
    expect(fault("odoo.exceptions.LockError", "locked", { status: 409 })).toBeInstanceOf(OdooTransientError);
  });

  it("falls back to the JSON-2 status when the name is not specific", () => {
    expect(fault("werkzeug.exceptions.Unauthorized", "Invalid apikey", { status: 401 })).toBeInstanceOf(OdooAuthError);
    expect(fault("werkzeug.exceptions.NotFound", "x", { status: 404 })).toBeInstanceOf(OdooMissingError);
    expect(fault("werkzeug.exceptions.UnprocessableEntity", "x", { status: 422 })).toBeInstanceOf(OdooValidationError);
    expect(fault("some.Thing", "x", { status: 500 })).toBeInstanceOf(OdooError);
  });
});

describe("mapHttpStatus / mapFetchFailure", () => {
  it("retries gateway errors and flags 502/504 as ambiguous", () => {
    const e502 = mapHttpStatus(502, "<html>Bad Gateway</html>") as OdooTransientError;
    expect(e502).toBeInstanceOf(OdooTransientError);
    expect(e502.ambiguous).toBe(true);
    expect((mapHttpStatus(503, "") as OdooTransientError).ambiguous).toBe(false);
    expect(mapHttpStatus(429, "")).toBeInstanceOf(OdooTransientError);
    expect(mapHttpStatus(400, "bad json")).not.toBeInstanceOf(OdooTransientError);
  });

  it("turns timeouts and socket errors into ambiguous transient errors", () => {
    const timeout = mapFetchFailure(new DOMException("timed out", "TimeoutError"), 50) as OdooTransientError;
    expect(timeout).toBeInstanceOf(OdooTransientError);
    expect(timeout.ambiguous).toBe(true);
    expect(mapFetchFailure(new TypeError("fetch failed"), 50)).toBeInstanceOf(OdooTransientError);
  });
});

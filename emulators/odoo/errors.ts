// Odoo reports failures as Python exceptions serialized by name. Keeping the Python
// class name (odoo.exceptions.AccessError, builtins.ValueError...) lets clients branch
// on the same strings they would see against a real server.

export type OdooExceptionName =
  | "odoo.exceptions.AccessDenied"
  | "odoo.exceptions.AccessError"
  | "odoo.exceptions.UserError"
  | "odoo.exceptions.ValidationError"
  | "odoo.exceptions.MissingError"
  | "odoo.http.SessionExpiredException"
  | "builtins.ValueError"
  | "builtins.TypeError"
  | "builtins.KeyError"
  | "builtins.IndexError"
  | "builtins.AssertionError"
  | "builtins.AttributeError"
  | "builtins.NameError"
  | "builtins.NotImplementedError"
  | "psycopg2.OperationalError"
  | "werkzeug.exceptions.NotFound"
  | "werkzeug.exceptions.Unauthorized"
  | "werkzeug.exceptions.UnprocessableEntity";

export class OdooError extends Error {
  constructor(
    readonly exception: OdooExceptionName,
    message: string,
    readonly args: unknown[] = [message],
  ) {
    super(message);
  }
}

export const accessDenied = () => new OdooError("odoo.exceptions.AccessDenied", "Access Denied");
export const userError = (m: string) => new OdooError("odoo.exceptions.UserError", m);
export const accessError = (m: string) => new OdooError("odoo.exceptions.AccessError", m);
export const valueError = (m: string) => new OdooError("builtins.ValueError", m);
export const typeError = (m: string) => new OdooError("builtins.TypeError", m);
export const validationError = (m: string) => new OdooError("odoo.exceptions.ValidationError", m);

/** What PostgreSQL's NOT NULL becomes in Odoo 17 (a required field left empty on create or write). */
export function mandatoryFieldError(model: { name: string; description: string }, field: { string: string }, name: string): OdooError {
  return validationError(
    "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n" +
      "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
      `Model: ${model.description} (${model.name})\nField: ${field.string} (${name})\n`,
  );
}

/** Odoo prints a Python traceback in `debug`; clients only log it, so a plausible one is enough. */
export function fakeTraceback(e: OdooError): string {
  const cls = e.exception.replace(/^builtins\./, "");
  return [
    "Traceback (most recent call last):",
    '  File "/usr/lib/python3/dist-packages/odoo/http.py", line 1764, in _serve_db',
    "    return service_model.retrying(self._serve_ir_http, self.env)",
    '  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 133, in retrying',
    "    result = func()",
    `${cls}: ${e.message}`,
    "",
  ].join("\n");
}

/** JSON-2 maps exception classes to HTTP statuses (odoo-api.md: 401/403/404/409/422). */
export function json2Status(e: OdooError): number {
  switch (e.exception) {
    case "werkzeug.exceptions.Unauthorized":
    case "odoo.exceptions.AccessDenied":
      return 401;
    case "odoo.exceptions.AccessError":
    case "odoo.http.SessionExpiredException":
      return 403;
    case "werkzeug.exceptions.NotFound":
    case "odoo.exceptions.MissingError":
      return 404;
    case "odoo.exceptions.UserError":
    case "odoo.exceptions.ValidationError":
    case "werkzeug.exceptions.UnprocessableEntity":
    case "builtins.ValueError":
    case "builtins.TypeError":
      return 422;
    default:
      return 500;
  }
}

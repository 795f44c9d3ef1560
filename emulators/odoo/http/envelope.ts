// Wire shapes of Odoo errors: the JSON-RPC envelope (HTTP 200) and the JSON-2 body.
import { fakeTraceback, type OdooError } from "../errors.js";
import type { OdooVersion } from "../store/store.js";

export function errorData(e: OdooError) {
  return { name: e.exception, message: e.message, arguments: e.args, context: {}, debug: fakeTraceback(e) };
}

export function rpcError(id: unknown, e: OdooError, version: OdooVersion) {
  return { jsonrpc: "2.0", id: id ?? null, error: { code: version === "17.0" ? 200 : 0, message: "Odoo Server Error", data: errorData(e) } };
}

export function sessionExpired(id: unknown) {
  return {
    jsonrpc: "2.0",
    id: id ?? null,
    error: {
      code: 100,
      message: "Odoo Session Expired",
      data: { name: "odoo.http.SessionExpiredException", message: "Session expired", arguments: ["Session expired"], context: {}, debug: "" },
    },
  };
}

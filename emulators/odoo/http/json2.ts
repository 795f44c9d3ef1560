// JSON-2 API of Odoo 19: POST /json/2/<model>/<method>, "Authorization: bearer <key>",
// body = named arguments plus ids/context, bare JSON result, errors as HTTP statuses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { OdooError } from "../errors.js";
import { json2Status } from "../errors.js";
import { ADMIN_UID, type Emulator, WorkerKilled } from "../emulator.js";
import type { Context } from "../orm/search.js";
import { SIGNATURES } from "../orm/signatures.js";
import { errorData } from "./envelope.js";
import { readBody, sendGatewayError, sendJson, sleep } from "./util.js";

function fail(name: OdooError["exception"], message: string): OdooError {
  return new OdooError(name, message);
}

function sendError(emu: Emulator, res: ServerResponse, e: OdooError, status = json2Status(e)): void {
  emu.stats.error(e.exception);
  sendJson(res, status, errorData(e));
}

export async function handleJson2(emu: Emulator, req: IncomingMessage, res: ServerResponse, model: string, method: string): Promise<void> {
  const arrival = Date.now();
  const body = await readBody(req);
  if (req.method !== "POST") return sendJson(res, 405, { name: "werkzeug.exceptions.MethodNotAllowed", message: "The method is not allowed for the requested URL.", arguments: [], context: {}, debug: "" });
  const auth = /^bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? "").trim());
  if (!auth || !emu.validSecret(auth[1]!.trim())) return sendError(emu, res, fail("werkzeug.exceptions.Unauthorized", "Invalid apikey"));
  const dbHeader = req.headers["x-odoo-database"];
  if (dbHeader !== undefined && dbHeader !== emu.opts.db) return sendError(emu, res, fail("werkzeug.exceptions.NotFound", `database ${JSON.stringify(dbHeader)} not found`), 404);
  let params: Record<string, unknown> = {};
  if (body.length > 0) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      return sendJson(res, 400, { name: "werkzeug.exceptions.BadRequest", message: `could not parse the body as json: ${(err as Error).message}`, arguments: [], context: {}, debug: "" });
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      return sendJson(res, 400, { name: "werkzeug.exceptions.BadRequest", message: "could not parse the body, expecting a json object", arguments: [], context: {}, debug: "" });
    params = parsed as Record<string, unknown>;
  }
  const fault = emu.faults.draw();
  await sleep(emu.faults.delayMs());
  if (fault) {
    emu.stats.fault(fault);
    if (fault === "timeout") return void setTimeout(() => res.destroy(), emu.opts.hangMs);
    if (fault === "session-expired") return sendError(emu, res, fail("odoo.http.SessionExpiredException", "Session expired"), 403);
    return sendGatewayError(res, Number(fault));
  }
  emu.stats.requests++;
  emu.store.beginTransaction(ADMIN_UID, arrival);
  try {
    if (!emu.store.has(model)) throw fail("werkzeug.exceptions.NotFound", `the model '${model}' does not exist`);
    try {
      emu.resolveMethod(model, method);
    } catch (e) {
      if (e instanceof OdooError && e.exception === "builtins.AttributeError") throw fail("werkzeug.exceptions.NotFound", e.message);
      throw e;
    }
    const { ids = [], context = {}, ...named } = params;
    const sig = SIGNATURES[method]!;
    if (!sig.recordset && Array.isArray(ids) && ids.length > 0) throw fail("werkzeug.exceptions.UnprocessableEntity", `cannot call ${model}.${method} with ids`);
    for (const p of sig.params.slice(0, sig.required))
      if (!(p in named)) throw fail("werkzeug.exceptions.UnprocessableEntity", `missing a required argument: '${p}'`);
    for (const k of Object.keys(named))
      if (!sig.params.includes(k)) throw fail("werkzeug.exceptions.UnprocessableEntity", `got an unexpected keyword argument '${k}'`);
    const out = emu.call(model, method, Array.isArray(ids) ? ids : [ids], [], named, context as Context);
    // JSON-2 turns returned recordsets into id lists, so create always answers a list.
    const result = method === "create" && typeof out.result === "number" ? [out.result] : out.result;
    sendJson(res, 200, result ?? null);
  } catch (e) {
    if (e instanceof WorkerKilled) {
      emu.stats.fault("worker-killed");
      return sendGatewayError(res, 502);
    }
    if (!(e instanceof OdooError)) throw e;
    sendError(emu, res, e);
  }
}

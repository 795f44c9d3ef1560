// POST /jsonrpc: services "common" (version, login, authenticate) and "object"
// (execute_kw), with Odoo 17's error envelope and check order: credentials, then
// private method name, then model, then method.
import type { IncomingMessage, ServerResponse } from "node:http";
import { accessDenied, OdooError, typeError } from "../errors.js";
import { ADMIN_UID, type Emulator, WorkerKilled } from "../emulator.js";
import type { Context } from "../orm/search.js";
import { SIGNATURES } from "../orm/signatures.js";
import { rpcError, sessionExpired } from "./envelope.js";
import { readBody, sendGatewayError, sendJson, sendText, sleep } from "./util.js";

function versionInfo(v: string) {
  const major = Number(v.split(".")[0]);
  return { server_version: v, server_version_info: [major, 0, 0, "final", 0, ""], server_serie: v, protocol_version: 1 };
}

function dbMissing(db: unknown): OdooError {
  return new OdooError("psycopg2.OperationalError", `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist\n`);
}

function common(emu: Emulator, method: unknown, args: unknown[]): unknown {
  const [db, login, secret] = args;
  switch (method) {
    case "version":
      return versionInfo(emu.store.version);
    case "login":
    case "authenticate":
      if (db !== emu.opts.db) throw dbMissing(db);
      return login === emu.opts.login && emu.validSecret(secret) ? ADMIN_UID : false;
    default:
      throw new OdooError("builtins.KeyError", `'exp_${String(method)}'`);
  }
}

function object(emu: Emulator, method: unknown, args: unknown[]): unknown {
  if (method !== "execute_kw") throw new OdooError("builtins.NameError", `Method not available ${String(method)}`);
  const [db, uid, secret, model, name, callArgs = [], kwargs = {}] = args;
  if (db !== emu.opts.db) throw dbMissing(db);
  if (uid !== ADMIN_UID || !emu.validSecret(secret)) throw accessDenied();
  if (typeof model !== "string" || typeof name !== "string") throw typeError("model and method must be strings");
  emu.resolveMethod(model, name);
  if (!Array.isArray(callArgs)) throw typeError(`execute_kw() argument after * must be an iterable`);
  if (typeof kwargs !== "object" || kwargs === null || Array.isArray(kwargs)) throw typeError("execute_kw() argument after ** must be a mapping");
  const { context = {}, ...rest } = kwargs as Record<string, unknown>;
  const sig = SIGNATURES[name]!;
  let ids: unknown[] = [];
  let positional = callArgs;
  if (sig.recordset) {
    if (callArgs.length === 0) throw new OdooError("builtins.IndexError", "list index out of range");
    const first = callArgs[0];
    ids = Array.isArray(first) ? first : [first];
    positional = callArgs.slice(1);
  }
  return emu.call(model, name, ids, positional, rest, context as Context).result;
}

export async function handleJsonRpc(emu: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrival = Date.now();
  const body = await readBody(req);
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && type !== "application/json-rpc") {
    return sendText(res, 400, `Request inferred type is compatible with ['http'] but /jsonrpc is type=json.`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (err) {
    void err; // Odoo answers any unparsable body with a bare 400
    return sendText(res, 400, "Invalid JSON data");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return sendText(res, 400, "Invalid JSON-RPC data");
  const { id, params } = payload as { id?: unknown; params?: { service?: unknown; method?: unknown; args?: unknown } };
  const fault = emu.faults.draw();
  await sleep(emu.faults.delayMs());
  if (fault) {
    emu.stats.fault(fault);
    if (fault === "timeout") return void setTimeout(() => res.destroy(), emu.opts.hangMs);
    if (fault === "session-expired") return sendJson(res, 200, sessionExpired(id));
    return sendGatewayError(res, Number(fault));
  }
  emu.stats.requests++;
  emu.store.beginTransaction(ADMIN_UID, arrival);
  try {
    const args = Array.isArray(params?.args) ? params.args : [];
    const result = params?.service === "common" ? common(emu, params.method, args)
      : params?.service === "object" ? object(emu, params.method, args)
      : (() => { throw new OdooError("builtins.KeyError", `'${String(params?.service)}'`); })();
    sendJson(res, 200, result === undefined || result === null ? { jsonrpc: "2.0", id: id ?? null } : { jsonrpc: "2.0", id: id ?? null, result });
  } catch (e) {
    if (e instanceof WorkerKilled) {
      emu.stats.fault("worker-killed");
      return sendGatewayError(res, 502);
    }
    if (!(e instanceof OdooError)) throw e;
    emu.stats.error(e.exception);
    sendJson(res, 200, rpcError(id, e, emu.store.version));
  }
}

import type { OdooConfig } from "./config";
import { baseUrl } from "./config";
import type { OdooRequestCounter } from "./counter";
import { mapHttpStatus, mapOdooFault } from "./error-mapping";
import { OdooAuthError, OdooError } from "./errors";
import type { HttpOptions, OdooCall, OdooTransport } from "./transport";
import { isRecord, postJson } from "./transport";

/** /jsonrpc (Odoo <= 19; deprecated in 19, removed in 22): common.authenticate, then object.execute_kw. */
export class JsonRpcTransport implements OdooTransport {
  readonly protocol = "jsonrpc" as const;
  readonly needsUid = true;
  private nextId = 1;

  constructor(
    private readonly config: OdooConfig,
    private readonly http: HttpOptions,
    private readonly counter: OdooRequestCounter,
  ) {}

  async authenticate(): Promise<number> {
    const { db, username, apiKey } = this.config;
    this.counter.record("common", "authenticate");
    const uid = await this.rpc("common", "authenticate", [db, username, apiKey, {}]);
    if (typeof uid !== "number" || uid <= 0) {
      throw new OdooAuthError(`Odoo rejected the credentials of ${username} on database ${db}`, {
        odooName: "authenticate",
      });
    }
    return uid;
  }

  async execute(call: OdooCall, uid: number | null): Promise<unknown> {
    if (uid === null) throw new OdooError("jsonrpc needs a uid: authenticate first");
    const named = { ...call.params };
    const args: unknown[] = call.ids === undefined ? [] : [call.ids];
    for (const name of call.positional ?? []) {
      args.push(named[name]);
      delete named[name];
    }
    const kwargs = call.context === undefined ? named : { ...named, context: call.context };
    const { db, apiKey } = this.config;
    this.counter.record(call.model, call.method);
    return this.rpc("object", "execute_kw", [db, uid, apiKey, call.model, call.method, args, kwargs]);
  }

  private async rpc(service: string, method: string, args: unknown[]): Promise<unknown> {
    const body = { jsonrpc: "2.0", method: "call", params: { service, method, args }, id: this.nextId++ };
    const answer = await postJson(`${baseUrl(this.config.url)}/jsonrpc`, body, {}, this.http);
    if (answer.status !== 200 || !isRecord(answer.json)) throw mapHttpStatus(answer.status, answer.text);
    const error = answer.json.error;
    if (isRecord(error)) throw mapOdooFault(faultOf(error));
    // Methods returning None produce no "result" key at all.
    return answer.json.result ?? null;
  }
}

function faultOf(error: Record<string, unknown>) {
  const data = isRecord(error.data) ? error.data : {};
  return {
    name: typeof data.name === "string" ? data.name : "",
    message: typeof data.message === "string" ? data.message : String(error.message ?? "Odoo Server Error"),
    debug: typeof data.debug === "string" ? data.debug : undefined,
    code: typeof error.code === "number" ? error.code : undefined,
  };
}

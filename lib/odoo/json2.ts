import type { OdooConfig } from "./config";
import { baseUrl } from "./config";
import type { OdooRequestCounter } from "./counter";
import { mapHttpStatus, mapOdooFault } from "./error-mapping";
import type { HttpOptions, OdooCall, OdooTransport } from "./transport";
import { isRecord, postJson } from "./transport";

/** Odoo 19+ JSON-2: POST /json/2/<model>/<method>, bearer API key, bare result or {name, message, debug} error. */
export class Json2Transport implements OdooTransport {
  readonly protocol = "json2" as const;
  readonly needsUid = false;

  constructor(
    private readonly config: OdooConfig,
    private readonly http: HttpOptions,
    private readonly counter: OdooRequestCounter,
  ) {}

  /**
   * JSON-2 has no login step: the key is checked on every call. A cheap read of the user's own record
   * proves the key works and yields the uid.
   */
  async authenticate(): Promise<number | null> {
    const users = await this.execute(
      {
        model: "res.users",
        method: "search_read",
        params: { domain: [["login", "=", this.config.username]], fields: ["id"], limit: 1 },
      },
      null,
    );
    const first: unknown = Array.isArray(users) ? users[0] : undefined;
    return isRecord(first) && typeof first.id === "number" ? first.id : null;
  }

  async execute(call: OdooCall, _uid: number | null): Promise<unknown> {
    const body: Record<string, unknown> = { ...call.params };
    if (call.ids !== undefined) body.ids = call.ids;
    if (call.context !== undefined) body.context = call.context;
    const url = `${baseUrl(this.config.url)}/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`;
    const headers = { authorization: `bearer ${this.config.apiKey}`, "x-odoo-database": this.config.db };
    this.counter.record(call.model, call.method);
    const answer = await postJson(url, body, headers, this.http);
    if (answer.status === 200) return answer.json ?? null;
    if (isRecord(answer.json) && typeof answer.json.name === "string") {
      throw mapOdooFault({
        name: answer.json.name,
        message: typeof answer.json.message === "string" ? answer.json.message : "",
        debug: typeof answer.json.debug === "string" ? answer.json.debug : undefined,
        status: answer.status,
      });
    }
    throw mapHttpStatus(answer.status, answer.text);
  }
}

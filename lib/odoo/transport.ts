import { mapFetchFailure } from "./error-mapping";

/** One model method call, described once and encoded per protocol. */
export interface OdooCall {
  model: string;
  method: string;
  /** Recordset methods (read, write, unlink): args[0] on jsonrpc, "ids" on JSON-2. */
  ids?: number[];
  /** Named parameters. */
  params: Record<string, unknown>;
  /**
   * Parameters jsonrpc must pass positionally, in order, because their names changed across versions
   * (search_count's `args` became `domain` in 17). JSON-2 always sends them by name.
   */
  positional?: string[];
  context?: Record<string, unknown>;
}

export interface OdooTransport {
  readonly protocol: "jsonrpc" | "json2";
  /** jsonrpc needs a uid in every call; JSON-2 checks the key on each request and needs no login step. */
  readonly needsUid: boolean;
  /** Verifies the credentials and returns the uid (null when the protocol cannot tell). */
  authenticate(): Promise<number | null>;
  execute(call: OdooCall, uid: number | null): Promise<unknown>;
}

export interface HttpOptions {
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface HttpAnswer {
  status: number;
  text: string;
  json: unknown;
}

/** POSTs JSON with a hard timeout; socket errors and timeouts come back as OdooTransientError. */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, http: HttpOptions) {
  let response: Response;
  let text: string;
  try {
    response = await http.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    text = await response.text();
  } catch (err) {
    throw mapFetchFailure(err, http.timeoutMs);
  }
  return { status: response.status, text, json: parseJson(text) } satisfies HttpAnswer;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // Gateways answer HTML error pages; the caller maps the HTTP status instead.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

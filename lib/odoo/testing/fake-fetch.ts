/**
 * A scripted in-memory stand-in for fetch() used by the connector's unit tests: enough of /jsonrpc and
 * /json/2 to check request encoding, paging and retries without a server. The emulator covers the rest.
 */
export interface FakeRow {
  id: number;
  write_date: string;
  [field: string]: unknown;
}

export interface SeenRequest {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export type Scripted = { status: number; body: unknown } | Error;

export function createFakeOdoo(rows: FakeRow[]) {
  const requests: SeenRequest[] = [];
  const script: Scripted[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    requests.push({ url: String(input), headers: (init?.headers ?? {}) as Record<string, string>, body });
    const next = script.shift();
    if (next instanceof Error) throw next;
    if (next) return json(next.status, next.body);
    const url = String(input);
    if (url.endsWith("/jsonrpc")) return json(200, { jsonrpc: "2.0", id: body.id, result: jsonrpc(body) });
    return json(200, json2(url, body));
  };

  function jsonrpc(body: Record<string, unknown>): unknown {
    const params = body.params as { service: string; method: string; args: unknown[] };
    if (params.method === "authenticate") return 2;
    const [, , , , method, args, kwargs] = params.args as [unknown, unknown, unknown, string, string, unknown[], Record<string, unknown>];
    return dispatch(method, { ...kwargs, ...(args.length > 0 && method === "search_count" ? { domain: args[0] } : {}) });
  }

  function json2(url: string, body: Record<string, unknown>): unknown {
    return dispatch(url.split("/").pop() ?? "", body);
  }

  function dispatch(method: string, p: Record<string, unknown>): unknown {
    const domain = (p.domain ?? []) as unknown[];
    const matching = rows.filter((r) => evaluate(domain, r));
    if (method === "search_count") return matching.length;
    if (method !== "search_read") return true;
    const order = String(p.order ?? "id asc");
    const sorted = [...matching].sort((a, b) =>
      order.startsWith("write_date") ? a.write_date.localeCompare(b.write_date) || a.id - b.id : a.id - b.id,
    );
    return sorted.slice(Number(p.offset ?? 0), Number(p.offset ?? 0) + Number(p.limit));
  }

  return { fetch: fetch as typeof globalThis.fetch, requests, script, rows };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Prefix-notation domain evaluation for the operators the connector emits (& | = > >=). */
function evaluate(domain: unknown[], row: FakeRow): boolean {
  let i = 0;
  const next = (): boolean => {
    const term = domain[i++];
    if (term === "&") return [next(), next()].every(Boolean);
    if (term === "|") return [next(), next()].some(Boolean);
    const [field, op, value] = term as [string, string, string | number];
    const actual = row[field] as string | number;
    if (op === "=") return actual === value;
    if (op === ">") return actual > value;
    if (op === ">=") return actual >= value;
    throw new Error(`fake odoo: operator ${op} not supported`);
  };
  let ok = true;
  while (i < domain.length) ok = next() && ok;
  return ok;
}

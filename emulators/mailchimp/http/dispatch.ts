import type { Emulator } from "../core/emulator.js";
import type { Source } from "../core/types.js";
import { applyFieldSelection } from "./fields.js";
import { ApiProblem, methodNotAllowed, notFound, problemBody } from "./problem.js";
import type { Reply } from "./route.js";
import { Router } from "./router.js";
import { allRoutes } from "./routes.js";

// Routes one API call (direct or from inside /batches) and turns any ApiProblem into a problem+json reply.

export interface DispatchRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  // Raw JSON text of the body (undefined when none); parse errors become 400 JSONParseError.
  rawBody: string | undefined;
  source: Source;
  // Called once the route and record count are known, before the handler runs: where latency is spent.
  beforeHandle?: (records: number) => Promise<void>;
}

export interface DispatchResult extends Reply {
  routeKey: string;
  records: number;
  problem?: ApiProblem;
}

let router: Router | null = null;

export async function dispatch(emulator: Emulator, req: DispatchRequest): Promise<DispatchResult> {
  router ??= new Router(allRoutes());
  const match = router.match(req.method, req.path);
  const routeKey = match.kind === "route" ? `${req.method} ${match.route.template}` : match.kind === "wrong-method" ? `${req.method} ${match.template}` : `${req.method} (unknown)`;
  let records = 1;
  try {
    if (match.kind === "none") throw notFound();
    if (match.kind === "wrong-method") throw methodNotAllowed(match.allow);
    const body = parseBody(req.rawBody);
    records = match.route.records ? match.route.records(body) : 1;
    if (req.beforeHandle) await req.beforeHandle(records);
    const reply = await match.route.handler({ method: req.method, params: match.params, query: req.query, body, source: req.source, emulator });
    const selected = reply.status === 200 ? applyFieldSelection(reply.body, req.query.get("fields"), req.query.get("exclude_fields")) : reply.body;
    return { ...reply, body: selected, routeKey, records };
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    return { status: error.status, body: problemBody(error), headers: error.headers, routeKey, records, problem: error };
  }
}

function parseBody(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ApiProblem(400, "JSON Parse Error", "We encountered an unspecified JSON parsing error.");
  }
}

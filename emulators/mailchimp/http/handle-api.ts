import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "../core/emulator.js";
import { callCostMs, sleep } from "../core/delay.js";
import { authenticate } from "./auth.js";
import { dispatch } from "./dispatch.js";
import { ApiProblem, problemBody, tooManyRequests } from "./problem.js";
import { readBody, sendReply } from "./send.js";
import type { ConnectionGate } from "./throttle.js";

// One /3.0 request: auth, the per-key connection gate, injected faults, then the shared dispatcher.
// The connection slot is held until the response is finished (or the socket dies).

const HANG_MS = 120_000;

export async function handleApi(emulator: Emulator, gate: ConnectionGate, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const fail = (problem: ApiProblem): void => {
    emulator.stats.error(problem.status, problem.title);
    sendReply(res, problem.status, problemBody(problem), problem.headers);
  };
  let apiKey: string;
  try {
    apiKey = authenticate(req.headers.authorization, emulator.options);
  } catch (error) {
    if (error instanceof ApiProblem) return fail(error);
    throw error;
  }
  const release = gate.enter(apiKey);
  const { options, random } = emulator;
  if (release) res.on("close", release);
  if (!release || (options.fault429Rate > 0 && random.next() < options.fault429Rate)) return throttle(emulator, res, fail);
  if (options.faultResetRate > 0 && random.next() < options.faultResetRate) {
    req.socket.destroy();
    return;
  }
  const rawBody = await readBody(req);
  if (options.fault5xxRate > 0 && random.next() < options.fault5xxRate) {
    return fail(new ApiProblem(500, "Internal Server Error", "An unexpected internal error has occurred. Please contact Support for more information."));
  }
  const path = url.pathname.slice("/3.0".length) || "/";
  const result = await dispatch(emulator, {
    method: req.method ?? "GET", path, query: url.searchParams, rawBody, source: "api",
    beforeHandle: (records) => sleep(callCostMs(emulator, records)),
  });
  emulator.stats.request(result.routeKey, result.records);
  if (options.faultTimeoutRate > 0 && random.next() < options.faultTimeoutRate) {
    // The write has been applied; the answer never comes. The client must cope with "did it happen?".
    setTimeout(() => req.socket.destroy(), HANG_MS).unref();
    return;
  }
  if (result.problem) emulator.stats.error(result.problem.status, result.problem.title);
  sendReply(res, result.status, result.body, result.headers);
}

function throttle(emulator: Emulator, res: ServerResponse, fail: (p: ApiProblem) => void): void {
  const { bare403Rate, maxConnections } = emulator.options;
  if (bare403Rate > 0 && emulator.random.next() < bare403Rate) {
    emulator.stats.error(403, "(bare throttle)");
    sendReply(res, 403, undefined);
    return;
  }
  fail(tooManyRequests(maxConnections));
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "../core/emulator.js";
import { ApiProblem, notFound, problemBody } from "../http/problem.js";
import { readBody, sendReply } from "../http/send.js";
import { memberView } from "../members/member-view.js";
import { seedLists } from "../lists/seed-lists.js";
import { runHumanAction, runSignup, type HumanAction } from "./human-actions.js";

// /_emulator/*: control and inspection for tests and the benchmark. Not part of Mailchimp; no auth, no throttle.

const ACTIONS = new Set<HumanAction>(["unsubscribe", "bounce", "upemail", "profile", "resubscribe", "admin"]);

export async function handleEmulatorControl(emulator: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const parts = url.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const raw = await readBody(req);
  try {
    const body = parseControlBody(raw);
    const reply = route(emulator, method, parts, body);
    if (reply instanceof Buffer) {
      res.writeHead(200, { "content-type": "application/gzip", "content-length": reply.length });
      res.end(reply);
    } else sendReply(res, reply === undefined ? 204 : 200, reply);
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    sendReply(res, error.status, problemBody(error));
  }
}

function route(emulator: Emulator, method: string, p: string[], body: Record<string, unknown>): unknown {
  const [a, b, c, d, e, f] = p;
  const origin = emulator.apiOrigin();
  if (method === "GET" && a === "stats" && !b) return emulator.stats.snapshot();
  if (method === "POST" && a === "stats" && b === "reset") return void emulator.stats.reset();
  if (method === "POST" && a === "reset" && !b) {
    emulator.reset();
    return void seedLists(emulator, emulator.options.lists);
  }
  if (method === "GET" && a === "ecommerce" && b === "notifications" && !c) return { notifications: emulator.account.notifications };
  if (method === "GET" && a === "webhook-deliveries") return { deliveries: emulator.webhooks.log };
  if (method === "GET" && a === "batch-results" && b?.endsWith(".tar.gz")) {
    const archive = emulator.account.batchResults.get(b.slice(0, -".tar.gz".length));
    if (!archive) throw notFound();
    return archive;
  }
  if (method === "GET" && a === "batches" && b) {
    const batch = emulator.account.batches.get(b);
    if (!batch) throw notFound();
    return { id: batch.id, status: batch.status, status_history: batch.status_history };
  }
  if (a === "lists" && b) {
    const list = emulator.list(b);
    if (method === "GET" && c === "members" && !d) {
      return { members: [...list.members.values()].map((m) => memberView(list, m, origin)), forgotten: [...list.forgotten] };
    }
    if (method === "GET" && c === "webhooks") return { webhooks: [...list.webhooks.values()] };
    if (method === "POST" && c === "signup") return memberView(list, runSignup(emulator, list, body), origin);
    if (method === "POST" && c === "members" && d && e === "actions" && f && ACTIONS.has(f as HumanAction)) {
      return memberView(list, runHumanAction(emulator, list, d, f as HumanAction, body), origin);
    }
  }
  throw notFound();
}

function parseControlBody(raw: string): Record<string, unknown> {
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ApiProblem(400, "JSON Parse Error", "We encountered an unspecified JSON parsing error.");
  }
}

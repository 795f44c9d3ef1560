import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { GET, POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { bool } from "@/emulators/odoo/schema/common";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { pollAudienceConsent, runConsentJob, type ConsentDeps } from "@/lib/consent";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MailchimpClient, type Member } from "@/lib/mailchimp";
import { OdooClient } from "@/lib/odoo";
import { parsePolicy, savePolicy } from "@/lib/sync/policy";
import { defaultPlanner } from "@/lib/sync/run/default-planner";
import { syncInProcess, testRuntime } from "@/tests/sync/run/helpers";
import { SECRET } from "../helpers";

/**
 * Everything the consent properties need, started once per file and reset between cases: both emulators
 * (a tiny Odoo business, two fixed audiences), the real webhook route behind a forwarder that can lose or
 * replay deliveries, the real planner and executors in-process (no pg-boss), the poller and the consent job.
 */

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
export const NORTH = "north0001";
export const SOUTH = "south0002";
export const LISTS = [NORTH, SOUTH] as const;
/** res.partner ids of the buying people in odoo-shops.json: 100-102 buy from company 1, 103-105 from company 2. */
export const BUYERS = [100, 101, 102, 103, 104, 105] as const;
const CONSENTED = [100, 103];

const OPTED_OUT = new Set(["unsubscribed", "cleaned"]);
const TABLES = [
  "sync_batches", "sync_records", "exception_comments", "sync_exceptions", "sync_cursors",
  "consent_writebacks", "consent_approvals", "mailchimp_webhook_events", "sync_runs",
];

export type World = Awaited<ReturnType<typeof startConsentWorld>>;

export async function startConsentWorld(db: { prisma: PrismaClient; url: string }) {
  const mcEmu = await startMailchimpEmulator({ port: 0, lists: here("./mailchimp-lists.json"), batchPhaseMs: 1, webhookRetryMs: 5 });
  const odooEmu = await startOdooEmulator({ port: 0, fixture: here("./odoo-shops.json") });
  const odoo = new OdooClient(
    { url: odooEmu.url, db: odooEmu.db, username: odooEmu.login, apiKey: odooEmu.apiKey, protocol: "jsonrpc" },
    { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
  );
  const proxy = await startRecordingProxy(mcEmu.baseUrl);
  const forwarder = await startForwarder();
  const webhookUrl = `${forwarder.origin}/api/webhooks/mailchimp/${SECRET}`;
  // The engine talks to Mailchimp through a proxy that keeps every request body (to check what it sends).
  const rt = await testRuntime(db.prisma, db.url, { apiKey: mcEmu.apiKey, baseUrl: `${proxy.origin}/3.0` }, { odoo, planner: defaultPlanner, webhookUrl, heartbeatMs: 60_000 });
  const mailchimp = new MailchimpClient({ apiKey: mcEmu.apiKey, baseUrl: mcEmu.url }, { timeoutMs: 5_000 });
  const consentDeps: ConsentDeps = { prisma: db.prisma, odoo };

  await savePolicy(db.prisma, parsePolicy({
    consent: { newMemberStatus: "subscribed_if_consented", consentField: "x_marketing_consent", fallback: "pending" },
    routing: { rules: [{ name: "North", audienceId: NORTH, companyIds: [1] }, { name: "South", audienceId: SOUTH, companyIds: [2] }] },
  }));

  const control = async (path: string, body: object = {}) => {
    const res = await fetch(`${mcEmu.baseUrl}/_emulator${path}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`mailchimp emulator ${path}: ${res.status} ${await res.text()}`);
  };
  const listState = (listId: string) => {
    const list = mcEmu.state.account.lists.get(listId);
    if (!list) throw new Error(`no list ${listId}`);
    return list;
  };
  // The engine's merge fields, created once through the API; each reset puts them back in-process (an account
  // that already has them), which keeps ~20 requests out of every case. The ensurer's cache stays valid.
  await rt.runtime.mergeFields.ensure(LISTS);
  const mergeFields = new Map(LISTS.map((id) => [id, structuredClone({ fields: listState(id).mergeFields, next: listState(id).nextMergeId })]));

  return {
    mcEmu, odooEmu, odoo, mailchimp, proxy, forwarder, rt, consentDeps, prisma: db.prisma,

    /** Both emulators back to their fixtures, every engine table emptied, caches of the runtime dropped. */
    async reset() {
      forwarder.reset();
      await control("/reset");
      const res = await fetch(`${odooEmu.url}/_emulator/reset`, { method: "POST" });
      if (!res.ok) throw new Error(`odoo reset: ${res.status}`);
      odooEmu.store.table("res.partner").spec.fields.x_marketing_consent = bool("Marketing consent");
      await odoo.write("res.partner", CONSENTED, { x_marketing_consent: true });
      await db.prisma.$executeRawUnsafe(`TRUNCATE ${TABLES.join(", ")} CASCADE`);
      for (const [id, saved] of mergeFields) {
        const list = listState(id);
        list.mergeFields = structuredClone(saved.fields);
        list.nextMergeId = saved.next;
      }
      proxy.requests.length = 0;
    },

    /** A sync run the way the worker runs it: the plan job, then every batch job it dispatched. */
    sync: (mode: "full" | "incremental") => syncInProcess(db.prisma, rt.runtime, mode),

    /** What a person does in Mailchimp; resolves when the delivery it fired (if any) has been handled. */
    async userAction(listId: string, email: string, action: string, body: object = {}) {
      await control(`/lists/${listId}/members/${encodeURIComponent(email)}/actions/${action}`, body);
      // The emulator schedules deliveries while it answers the action: settled, each has been handled here.
      await mcEmu.state.webhooks.whenIdle();
    },

    async unhook(listId: string) {
      for (const w of await mailchimp.webhooks.list(listId)) await mailchimp.webhooks.delete(listId, w.id);
    },

    async poll() {
      for (const listId of LISTS) await pollAudienceConsent({ prisma: db.prisma, mailchimp }, listId);
    },

    consent: (eventLimit?: number) => runConsentJob(consentDeps, eventLimit ? { eventLimit } : {}),

    /** One poll pass, then consent passes until nothing is left. */
    async drain() {
      for (const listId of LISTS) await pollAudienceConsent({ prisma: db.prisma, mailchimp }, listId);
      for (let i = 0; i < 20; i++) {
        const pass = await runConsentJob(consentDeps);
        if (pass.events.claimed === 0 && pass.writebacks.attempted === 0) return;
      }
      throw new Error("consent work did not drain in 20 passes");
    },

    async members(listId: string): Promise<Member[]> {
      const res = await fetch(`${mcEmu.baseUrl}/_emulator/lists/${listId}/members`);
      return ((await res.json()) as { members: Member[] }).members;
    },

    async blacklisted(): Promise<Set<string>> {
      const rows = await odoo.searchPage<{ id: number; email: string; active: boolean }>("mail.blacklist", { domain: [], fields: ["email", "active"], limit: 500 });
      return new Set(rows.filter((r) => r.active).map((r) => r.email.toLowerCase()));
    },

    async close() {
      await rt.close();
      await forwarder.close();
      await proxy.close();
      await mcEmu.close();
      await odooEmu.close();
    },
  };
}

export const isOptedOut = (status: string | undefined) => status !== undefined && OPTED_OUT.has(status);
export const isReachable = (status: string | undefined) => status === "subscribed" || status === "pending";

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function listen(server: Server) {
  return new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closer(server: Server) {
  return () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
}

/**
 * Hands Mailchimp's webhook calls to the real route handlers. `dropNext` loses deliveries in transit (answered
 * 200, never stored: Mailchimp will not retry); `replay` delivers an earlier body again (a duplicate).
 */
async function startForwarder() {
  const state = { handled: 0, dropNext: 0, dropped: 0, bodies: [] as Buffer[] };
  const deliver = async (method: string, url: string, contentType: string, body: Buffer | undefined) => {
    const secret = decodeURIComponent(url.split("/").pop() ?? "");
    const request = new Request(`http://127.0.0.1${url}`, { method, headers: { "content-type": contentType }, body: body ? new Uint8Array(body) : undefined });
    const ctx = { params: Promise.resolve({ secret }) };
    return method === "POST" ? POST(request, ctx) : GET(request, ctx);
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      try {
        if (req.method === "POST" && state.dropNext > 0) {
          state.dropNext--;
          state.dropped++;
          res.writeHead(200).end("{}");
          return;
        }
        if (req.method === "POST") state.bodies.push(body);
        const response = await deliver(req.method ?? "GET", req.url ?? "/", req.headers["content-type"] ?? "", req.method === "POST" ? body : undefined);
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      } finally {
        if (req.method === "POST") state.handled++;
      }
    })();
  });
  const origin = await listen(server);
  return {
    origin,
    get handled() { return state.handled; },
    get bodies() { return state.bodies; },
    dropNextDelivery() { state.dropNext++; },
    /** The same delivery again, through the route, as Mailchimp's retry of a delivery it thought failed. */
    async replay(body: Buffer) {
      const res = await deliver("POST", `/api/webhooks/mailchimp/${SECRET}`, "application/x-www-form-urlencoded", body);
      if (res.status !== 200) throw new Error(`replay answered ${res.status}`);
    },
    reset() { state.dropNext = 0; state.bodies.length = 0; },
    close: closer(server),
  };
}

export interface RecordedRequest { method: string; path: string; body: unknown }

/** A pass-through in front of the Mailchimp emulator that keeps what the engine sent. */
async function startRecordingProxy(target: string) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const text = body.toString("utf8");
      let parsed: unknown = text;
      if (text) {
        try { parsed = JSON.parse(text); } catch (err) { if (!(err instanceof SyntaxError)) throw err; }
      }
      requests.push({ method: req.method ?? "GET", path: req.url ?? "/", body: parsed });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length" && k !== "connection") headers[k] = v;
      const upstream = await fetch(`${target}${req.url ?? "/"}`, { method: req.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
      const out = Buffer.from(await upstream.arrayBuffer());
      const back: Record<string, string> = {};
      upstream.headers.forEach((v, k) => { if (k !== "content-length" && k !== "transfer-encoding" && k !== "connection" && k !== "content-encoding") back[k] = v; });
      res.writeHead(upstream.status, back).end(out);
    })();
  });
  const origin = await listen(server);
  return { origin, requests, close: closer(server) };
}

/**
 * Every member-status carrying field the engine sent: `status` anywhere in a request body, including the
 * bodies of the operations inside POST /batches (sent as JSON strings).
 */
export function statusFieldsSent(requests: RecordedRequest[]): Array<{ method: string; path: string; status: unknown }> {
  const found: Array<{ method: string; path: string; status: unknown }> = [];
  const visit = (method: string, path: string, body: unknown) => {
    if (typeof body === "string") {
      try { body = JSON.parse(body); } catch (err) { if (!(err instanceof SyntaxError)) throw err; return; }
    }
    if (Array.isArray(body)) { for (const b of body) visit(method, path, b); return; }
    if (!body || typeof body !== "object") return;
    const o = body as Record<string, unknown>;
    if ("status" in o) found.push({ method, path, status: o.status });
    if (Array.isArray(o.members)) visit(method, path, o.members);
    if (Array.isArray(o.operations)) for (const op of o.operations as Array<{ method: string; path: string; body?: unknown }>) visit(op.method, op.path, op.body);
  };
  for (const r of requests) if (r.method !== "GET") visit(r.method, r.path, r.body);
  return found;
}

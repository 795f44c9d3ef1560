import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { GET, POST } from "@/app/api/webhooks/mailchimp/[secret]/route";
import { MailchimpClient } from "@/lib/mailchimp";
import { OdooClient } from "@/lib/odoo";
import { SECRET } from "./helpers";

/**
 * Both emulators, the two connectors, and a tiny HTTP server that hands Mailchimp's webhook calls to the real
 * route handlers, so a delivery travels the same path it would in production.
 */
export async function startConsentStack() {
  const mailchimpEmu = await startMailchimpEmulator({ port: 0, lists: 1, webhookRetryMs: 20 });
  const odooEmu = await startOdooEmulator({ port: 0, generate: 40 });
  const mailchimp = new MailchimpClient({ apiKey: mailchimpEmu.apiKey, baseUrl: mailchimpEmu.url });
  // One try per call: the consent write-back worker owns retries (with backoff across passes).
  const odoo = new OdooClient(
    { url: odooEmu.url, db: odooEmu.db, username: odooEmu.login, apiKey: odooEmu.apiKey, protocol: "jsonrpc" },
    { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
  );
  const listId = (await mailchimp.lists.all())[0]?.id;
  if (!listId) throw new Error("the Mailchimp emulator seeded no audience");
  const forwarder = await startForwarder();
  const control = async (path: string, body: object = {}) => {
    const res = await fetch(`${mailchimpEmu.baseUrl}/_emulator${path}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
  };
  const odooFaults = async (body: object) => {
    const res = await fetch(`${odooEmu.url}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`odoo faults: ${res.status}`);
  };
  return {
    mailchimp,
    odoo,
    listId,
    webhookUrl: `${forwarder.origin}/api/webhooks/mailchimp/${SECRET}`,
    humanAction: (email: string, action: string, body: object = {}) => control(`/lists/${listId}/members/${encodeURIComponent(email)}/actions/${action}`, body),
    /** Every webhook delivery scheduled so far has been made (and stored by the route) or given up. */
    deliveriesSettled: () => mailchimpEmu.state.webhooks.whenIdle(),
    odooFaults,
    async close() {
      await forwarder.close();
      await mailchimpEmu.close();
      await odooEmu.close();
    },
  };
}

async function startForwarder() {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const secret = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
        const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
          method: req.method,
          headers: { "content-type": req.headers["content-type"] ?? "" },
          body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
        });
        const ctx = { params: Promise.resolve({ secret }) };
        const response = req.method === "POST" ? await POST(request, ctx) : await GET(request, ctx);
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Deliveries are asynchronous (the emulator fires after answering the action): wait for the row. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

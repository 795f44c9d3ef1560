import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMailchimpEmulator, type EmulatorOptions, type RunningMailchimpEmulator } from "@/emulators/mailchimp/server";
import { MailchimpClient, type MailchimpClientOptions } from "@/lib/mailchimp";
import { startRecordingProxy } from "./recording-proxy";

/** Emulator + recording proxy + a connector pointed at the proxy. */
export async function startMailchimpStack(options: EmulatorOptions = {}, clientOptions: MailchimpClientOptions = {}) {
  const emulator = await startMailchimpEmulator({ lists: 1, batchPhaseMs: 5, ...options });
  const proxy = await startRecordingProxy(emulator.baseUrl);
  const client = new MailchimpClient({ apiKey: emulator.apiKey, baseUrl: `${proxy.url}/3.0` }, clientOptions);
  const lists = await client.lists.all();
  const listId = lists[0]?.id;
  if (!listId) throw new Error("emulator seeded no audience");
  return {
    emulator,
    proxy,
    client,
    listId,
    async close() {
      await proxy.close();
      await emulator.close();
    },
  };
}

/** Mailchimp GETs a webhook URL before accepting it: this answers that check. */
export async function startWebhookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(200).end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/mailchimp?token=s3cret`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens `n` API requests whose one-byte body is withheld: each holds one of the key's connections from its
 * headers on. release() sends the bodies and waits for the answers, after which the emulator has let them go.
 */
export async function holdConnections(emulator: RunningMailchimpEmulator, n: number): Promise<{ release(): Promise<void> }> {
  const auth = `Basic ${Buffer.from(`anystring:${emulator.apiKey}`).toString("base64")}`;
  const answered: Promise<void>[] = [];
  const requests = Array.from({ length: n }, () => {
    const req = request(`${emulator.url}/ping`, { method: "POST", headers: { authorization: auth, "content-length": "1" } });
    answered.push(new Promise<void>((resolve, reject) => {
      req.on("response", (res) => res.resume().on("end", resolve));
      req.on("error", reject);
    }));
    req.flushHeaders();
    return req;
  });
  const concurrency = () => Math.max(0, ...Object.values(emulator.state.stats.snapshot().max_concurrent));
  while (concurrency() < n) await new Promise((resolve) => setTimeout(resolve, 5));
  return {
    async release() {
      for (const req of requests) req.end("x");
      await Promise.all(answered);
    },
  };
}

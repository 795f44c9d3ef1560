import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { MailchimpClient } from "./client";
import { mailchimpConfigFromEnv, resolveBasePath, serverFromKey } from "./config";
import type { MailchimpPriority } from "./core";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  vi.unstubAllEnvs();
  resetEnvCache();
});

interface Seen {
  method: string;
  url: string;
  auth: string;
}

/** Socket-level stub for what the emulator cannot do on demand: hang, reset, answer a bare 403. */
async function stub(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization ?? "" });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server?.address() as AddressInfo).port}`, seen };
}

const chimpy = (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ health_status: "Everything's Chimpy!" }));
};

describe("config", () => {
  it("reads MAILCHIMP_API_KEY and MAILCHIMP_BASE_URL through getEnv()", () => {
    vi.stubEnv("MAILCHIMP_API_KEY", "");
    resetEnvCache();
    expect(() => mailchimpConfigFromEnv()).toThrow("MAILCHIMP_API_KEY");
    vi.stubEnv("MAILCHIMP_API_KEY", "abc-us9");
    vi.stubEnv("MAILCHIMP_BASE_URL", "http://127.0.0.1:4010");
    resetEnvCache();
    expect(mailchimpConfigFromEnv()).toEqual({ apiKey: "abc-us9", baseUrl: "http://127.0.0.1:4010" });
  });

  it("derives the data center from the key suffix", () => {
    expect(serverFromKey("0123abcd0123abcd0123abcd0123abcd-us21")).toBe("us21");
    expect(resolveBasePath({ apiKey: "abc-us21" })).toBe("https://us21.api.mailchimp.com/3.0");
    expect(() => resolveBasePath({ apiKey: "abc" })).toThrow(/data-center suffix/);
    expect(resolveBasePath({ apiKey: "abc", baseUrl: "http://127.0.0.1:4010" })).toBe("http://127.0.0.1:4010/3.0");
    expect(resolveBasePath({ apiKey: "abc", baseUrl: "http://127.0.0.1:4010/3.0/" })).toBe("http://127.0.0.1:4010/3.0");
  });
});

describe("MailchimpClient transport", () => {
  it("keeps accounts apart and leaves a 'server' in the base URL alone", async () => {
    const { origin, seen } = await stub(chimpy);
    const a = new MailchimpClient({ apiKey: "aaa-us1", baseUrl: `${origin}/server/3.0` });
    const b = new MailchimpClient({ apiKey: "bbb-us2", baseUrl: `${origin}/server/3.0` });
    expect(await a.ping()).toEqual({ health_status: "Everything's Chimpy!" });
    await b.ping();
    expect(seen.map((s) => s.url)).toEqual(["/server/3.0/ping", "/server/3.0/ping"]);
    expect(seen.map((s) => Buffer.from(s.auth.replace("Basic ", ""), "base64").toString())).toEqual(["user:aaa-us1", "user:bbb-us2"]);
    expect(a.counter.snapshot()).toEqual({ "GET /ping": 1 });
  });

  it("awaits the acquire hook around each call with the view's priority", async () => {
    const { origin } = await stub(chimpy);
    const log: string[] = [];
    const acquire = async (p: MailchimpPriority) => {
      log.push(`acquire ${p}`);
      return () => void log.push(`release ${p}`);
    };
    const client = new MailchimpClient({ apiKey: "k-us1", baseUrl: origin }, { acquire });
    await client.ping();
    await client.withPriority("backfill").ping();
    expect(log).toEqual(["acquire live", "release live", "acquire backfill", "release backfill"]);
    expect(client.counter.total).toBe(2);
  });

  it("classifies a bare 403 as throttle and 204 as success", async () => {
    const { origin } = await stub((req, res) => {
      if (req.url?.endsWith("/tags")) return void res.writeHead(204).end();
      res.writeHead(403).end();
    });
    const client = new MailchimpClient({ apiKey: "k-us1", baseUrl: origin });
    await expect(client.ping()).rejects.toMatchObject({ kind: "throttle", status: 403 });
    await expect(client.members.updateTags("L1", "A@B.co", [{ name: "vip", status: "active" }])).resolves.toBeUndefined();
  });

  it("times out a hanging call and resets come back as transient", async () => {
    const { origin } = await stub((req) => {
      if (req.url?.includes("/lists/")) req.socket.destroy();
    });
    const client = new MailchimpClient({ apiKey: "k-us1", baseUrl: origin }, { timeoutMs: 100 });
    await expect(client.ping()).rejects.toMatchObject({ kind: "transient" });
    await expect(client.lists.get("L1")).rejects.toMatchObject({ kind: "transient" });
  });

  it("refuses more than 500 members per batch subscribe before sending anything", async () => {
    const { origin, seen } = await stub(chimpy);
    const client = new MailchimpClient({ apiKey: "k-us1", baseUrl: origin });
    const members = Array.from({ length: 501 }, (_, i) => ({ email_address: `m${i}@example.org`, status: "subscribed" as const }));
    await expect(client.batchSubscribe("L1", members, { updateExisting: true })).rejects.toBeInstanceOf(RangeError);
    await expect(client.members.list("L1", { count: 1001 })).rejects.toBeInstanceOf(RangeError);
    expect(seen).toEqual([]);
  });
});

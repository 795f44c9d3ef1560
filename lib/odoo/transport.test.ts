import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { OdooClient } from "./client";
import { odooConfigFromEnv } from "./config";
import { OdooTransientError } from "./errors";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  vi.unstubAllEnvs();
  resetEnvCache();
});

/** A socket-level stub: the emulator cannot be made to hang or cut connections mid-answer. */
async function stub(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

describe("transport failures", () => {
  it("times out a hanging server and reports a transient error", async () => {
    const url = await stub(() => undefined);
    const client = new OdooClient({ url, db: "d", username: "u", apiKey: "k", protocol: "jsonrpc" }, {
      timeoutMs: 100,
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const err = await client.authenticate().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OdooTransientError);
    expect((err as OdooTransientError).message).toMatch(/timed out after 100 ms/);
  });

  it("treats a connection reset as transient and retries it", async () => {
    let calls = 0;
    const url = await stub((req, res) => {
      calls++;
      if (calls === 1) return req.socket.destroy();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: 7 }));
    });
    const client = new OdooClient({ url, db: "d", username: "u", apiKey: "k", protocol: "jsonrpc" }, { sleep: async () => undefined });
    expect(await client.authenticate()).toBe(7);
    expect(calls).toBe(2);
  });
});

describe("odooConfigFromEnv", () => {
  it("names the missing variables", () => {
    vi.stubEnv("ODOO_URL", "http://odoo.test");
    vi.stubEnv("ODOO_DB", "");
    vi.stubEnv("ODOO_USERNAME", "u");
    vi.stubEnv("ODOO_API_KEY", "");
    resetEnvCache();
    expect(() => odooConfigFromEnv()).toThrow("missing ODOO_DB, ODOO_API_KEY");
  });

  it("reads the protocol", () => {
    for (const [k, v] of Object.entries({ ODOO_URL: "http://o", ODOO_DB: "d", ODOO_USERNAME: "u", ODOO_API_KEY: "k", ODOO_PROTOCOL: "json2" })) vi.stubEnv(k, v);
    resetEnvCache();
    expect(odooConfigFromEnv()).toEqual({ url: "http://o", db: "d", username: "u", apiKey: "k", protocol: "json2" });
  });
});

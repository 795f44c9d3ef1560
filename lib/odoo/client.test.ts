import { describe, expect, it } from "vitest";
import { OdooClient } from "./client";
import type { OdooConfig } from "./config";
import { OdooAuthError, OdooTransientError } from "./errors";
import { createFakeOdoo, type FakeRow } from "./testing/fake-fetch";

const config = (protocol: OdooConfig["protocol"]): OdooConfig => ({
  url: "http://odoo.test/",
  db: "db1",
  username: "api@example.com",
  apiKey: "k3y",
  protocol,
});
const rows = (n: number): FakeRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, write_date: "2024-01-01 00:00:00", name: `P${i + 1}`, email: false }));
const noSleep = { sleep: async () => undefined, random: () => 0.5 };

describe("OdooClient over jsonrpc", () => {
  it("authenticates once, then sends execute_kw with ids positional and context in kwargs", async () => {
    const fake = createFakeOdoo(rows(3));
    const client = new OdooClient(config("jsonrpc"), { fetch: fake.fetch });
    await client.write("res.partner", [1], { name: "X" }, { activeTest: false });
    await client.read("res.partner", [1, 2], ["name"]);
    expect(fake.requests.map((r) => (r.body.params as { method: string }).method)).toEqual(["authenticate", "execute_kw", "execute_kw"]);
    const args = (fake.requests[1]?.body.params as { args: unknown[] }).args;
    expect(args).toEqual(["db1", 2, "k3y", "res.partner", "write", [[1], { name: "X" }], { context: { active_test: false } }]);
    expect(fake.requests[0]?.url).toBe("http://odoo.test/jsonrpc");
    expect(client.counter.snapshot()).toEqual({ "common.authenticate": 1, "res.partner.read": 1, "res.partner.write": 1 });
  });

  it("raises OdooAuthError when authenticate answers false", async () => {
    const fake = createFakeOdoo([]);
    fake.script.push({ status: 200, body: { jsonrpc: "2.0", id: 1, result: false } });
    await expect(new OdooClient(config("jsonrpc"), { fetch: fake.fetch }).authenticate()).rejects.toBeInstanceOf(OdooAuthError);
  });

  it("retries 502 with backoff, then succeeds", async () => {
    const fake = createFakeOdoo(rows(2));
    const delays: number[] = [];
    const client = new OdooClient(config("jsonrpc"), { fetch: fake.fetch, ...noSleep, onRetry: (i) => delays.push(i.delayMs) });
    await client.authenticate();
    fake.script.push({ status: 502, body: "bad gateway" }, { status: 503, body: "" });
    expect(await client.searchCount("res.partner")).toBe(2);
    expect(delays).toEqual([125, 250]);
  });

  it("gives up after maxAttempts", async () => {
    const fake = createFakeOdoo([]);
    const client = new OdooClient(config("jsonrpc"), { fetch: fake.fetch, ...noSleep, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    fake.script.push({ status: 503, body: "" }, { status: 503, body: "" }, { status: 503, body: "" });
    await expect(client.authenticate()).rejects.toBeInstanceOf(OdooTransientError);
    expect(fake.requests).toHaveLength(2);
  });

  it("does not retry create after an ambiguous failure, but does after a lock conflict", async () => {
    const fake = createFakeOdoo([]);
    const client = new OdooClient(config("jsonrpc"), { fetch: fake.fetch, ...noSleep });
    await client.authenticate();
    fake.script.push(new TypeError("fetch failed"));
    await expect(client.create("res.partner", [{ name: "A" }])).rejects.toBeInstanceOf(OdooTransientError);
    expect(fake.requests).toHaveLength(2);
    const serialization = { name: "psycopg2.errors.SerializationFailure", message: "could not serialize", debug: "" };
    fake.script.push({ status: 200, body: { jsonrpc: "2.0", id: 3, error: { code: 200, message: "Odoo Server Error", data: serialization } } });
    await client.create("res.partner", [{ name: "A" }]);
    expect(fake.requests).toHaveLength(4);
  });

  it("re-authenticates once when the session expired", async () => {
    const fake = createFakeOdoo(rows(1));
    const client = new OdooClient(config("jsonrpc"), { fetch: fake.fetch, ...noSleep });
    await client.authenticate();
    const expired = { code: 100, message: "Odoo Session Expired", data: { name: "odoo.http.SessionExpiredException", message: "Session expired" } };
    fake.script.push({ status: 200, body: { jsonrpc: "2.0", id: 2, error: expired } });
    expect(await client.searchCount("res.partner")).toBe(1);
    expect(fake.requests.map((r) => (r.body.params as { method: string }).method)).toEqual([
      "authenticate", "execute_kw", "authenticate", "execute_kw",
    ]);
  });

  it("refuses unpaged searches", async () => {
    const client = new OdooClient(config("jsonrpc"), { fetch: createFakeOdoo([]).fetch });
    await expect(client.call("res.partner", "search_read", { params: { domain: [] } })).rejects.toBeInstanceOf(RangeError);
    await expect(client.searchPage("res.partner", { fields: ["id"], limit: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(client.read("res.partner", Array.from({ length: 1001 }, (_, i) => i), ["id"])).rejects.toBeInstanceOf(RangeError);
  });
});

describe("OdooClient over JSON-2", () => {
  it("posts named params to /json/2/<model>/<method> with bearer key and database header", async () => {
    const fake = createFakeOdoo(rows(2));
    const client = new OdooClient(config("json2"), { fetch: fake.fetch });
    await client.write("res.partner", [1], { name: "Y" }, { context: { lang: "fr_FR" } });
    const req = fake.requests.at(-1);
    expect(req?.url).toBe("http://odoo.test/json/2/res.partner/write");
    expect(req?.headers).toMatchObject({ authorization: "bearer k3y", "x-odoo-database": "db1" });
    expect(req?.body).toEqual({ ids: [1], vals: { name: "Y" }, context: { lang: "fr_FR" } });
  });

  it("maps 401 to OdooAuthError and retries 409 LockError", async () => {
    const fake = createFakeOdoo(rows(1));
    const client = new OdooClient(config("json2"), { fetch: fake.fetch, ...noSleep });
    fake.script.push({ status: 401, body: { name: "werkzeug.exceptions.Unauthorized", message: "Invalid apikey" } });
    await expect(client.searchCount("res.partner")).rejects.toBeInstanceOf(OdooAuthError);
    fake.script.push({ status: 409, body: { name: "odoo.exceptions.LockError", message: "locked" } });
    expect(await client.searchCount("res.partner")).toBe(1);
  });
});

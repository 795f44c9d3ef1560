// Error shapes from odoo-api.md: HTTP 200 envelopes on /jsonrpc, status codes on JSON-2.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emu, json2, kw, rpcRaw, start } from "./testkit.js";

let emu: Emu;
beforeAll(async () => { emu = await start({ generate: 50 }); });
afterAll(() => emu.close());

describe("/jsonrpc common", () => {
  it("version reports Odoo 17", async () => {
    const r = await rpcRaw(emu, { service: "common", method: "version", args: [] });
    expect(r.body.result).toEqual({ server_version: "17.0", server_version_info: [17, 0, 0, "final", 0, ""], server_serie: "17.0", protocol_version: 1 });
  });
  it("authenticate returns the uid, or false on a bad key", async () => {
    const good = await rpcRaw(emu, { service: "common", method: "authenticate", args: [emu.db, "admin", emu.apiKey, {}] });
    expect(good.body.result).toBe(2);
    const bad = await rpcRaw(emu, { service: "common", method: "authenticate", args: [emu.db, "admin", "nope", {}] });
    expect(bad.status).toBe(200);
    expect(bad.body.result).toBe(false);
  });
});

describe("/jsonrpc error envelope", () => {
  it("wrong key on execute_kw is AccessDenied in the standard envelope", async () => {
    const r = await rpcRaw(emu, { service: "object", method: "execute_kw", args: [emu.db, 2, "wrong", "res.partner", "search", [[]]] }, 42);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ jsonrpc: "2.0", id: 42, error: { code: 200, message: "Odoo Server Error",
      data: { name: "odoo.exceptions.AccessDenied", message: "Access Denied", arguments: ["Access Denied"], context: {} } } });
    expect(typeof r.body.error.data.debug).toBe("string");
    expect("result" in r.body).toBe(false);
  });
  it("private methods are an AccessError", async () => {
    const b = await kw(emu, "mail.blacklist", "_add", ["x@y.com"]);
    expect(b.error.data.name).toBe("odoo.exceptions.AccessError");
    expect(b.error.data.message).toBe("Private methods (such as _add) cannot be called remotely.");
  });
  it("unknown model is a UserError", async () => {
    const b = await kw(emu, "res.partnerz", "search", [[]]);
    expect(b.error.data).toMatchObject({ name: "odoo.exceptions.UserError", message: "Object res.partnerz doesn't exist" });
  });
  it("unknown method is an AttributeError", async () => {
    const b = await kw(emu, "res.partner", "frobnicate", []);
    expect(b.error.data.name).toBe("builtins.AttributeError");
    expect(b.error.data.message).toBe("The method 'frobnicate' does not exist on the model 'res.partner'");
  });
  it("unknown fields in a domain or a field list are ValueErrors", async () => {
    const d = await kw(emu, "res.partner", "search_read", [[["nope", "=", 1]]], { limit: 1 });
    expect(d.error.data).toMatchObject({ name: "builtins.ValueError", message: "Invalid field res.partner.nope in leaf ('nope', '=', 1)" });
    const f = await kw(emu, "res.partner", "search_read", [[]], { fields: ["name", "nope"], limit: 1 });
    expect(f.error.data).toMatchObject({ name: "builtins.ValueError", message: "Invalid field 'nope' on model 'res.partner'" });
  });
  it("bad keyword arguments are TypeErrors", async () => {
    const b = await kw(emu, "res.partner", "search_read", [[]], { limitt: 1 });
    expect(b.error.data.name).toBe("builtins.TypeError");
  });
  it("malformed JSON is a bare HTTP 400", async () => {
    const res = await fetch(`${emu.url}/jsonrpc`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("jsonrpc");
  });
});

describe("JSON-2", () => {
  it("answers the bare result", async () => {
    const r = await json2(emu, "res.partner", "search_count", { domain: [] });
    expect(r.status).toBe(200);
    expect(typeof r.body).toBe("number");
  });
  it("401 on a wrong bearer key", async () => {
    const r = await json2(emu, "res.partner", "search", { domain: [] }, { authorization: "bearer wrong" });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ message: "Invalid apikey" });
    expect(Object.keys(r.body).sort()).toEqual(["arguments", "context", "debug", "message", "name"]);
  });
  it("404 on an unknown model or method, 403 on a private one", async () => {
    expect((await json2(emu, "no.model", "search", { domain: [] })).status).toBe(404);
    expect((await json2(emu, "res.partner", "frobnicate", {})).status).toBe(404);
    const priv = await json2(emu, "mail.blacklist", "_add", {});
    expect(priv.status).toBe(403);
    expect(priv.body.name).toBe("odoo.exceptions.AccessError");
  });
  it("422 on bad parameters and on UserError", async () => {
    expect((await json2(emu, "res.partner", "search", { domian: [] })).status).toBe(422);
    expect((await json2(emu, "res.partner", "search", {})).status).toBe(422);
    const user = await json2(emu, "mail.blacklist", "create", { vals_list: [{ email: "not an email" }] });
    expect(user.status).toBe(422);
    expect(user.body.name).toBe("odoo.exceptions.UserError");
  });
  it("accepts a matching X-Odoo-Database header", async () => {
    const r = await json2(emu, "res.partner", "search", { domain: [], limit: 1 }, { "x-odoo-database": emu.db });
    expect(r.status).toBe(200);
  });
});

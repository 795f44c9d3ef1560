import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./test-support/api.js";
import { loadSpecValidator, type SpecValidator } from "./test-support/spec-schemas.js";

// Connection limit, authentication and routing errors, per mailchimp-api.md "Limits" and "Errors".

let api: TestApi;
let spec: SpecValidator;

beforeAll(async () => {
  api = await startTestApi({ latencyMs: 300 });
  spec = loadSpecValidator();
});
afterAll(() => api.emu.close());

describe("10 simultaneous connections per API key", () => {
  it("throttles exactly the 11th and 12th concurrent requests with a 429 problem", async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => fetch(`${api.emu.url}/ping`, {
      headers: { authorization: `Basic ${Buffer.from(`u:${api.emu.apiKey}`).toString("base64")}` },
    })));
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
    for (const r of throttled) {
      expect(r.headers.get("content-type")).toContain("application/problem+json");
      const body = await r.json();
      expect(spec.validate("Problem_Detail_Document", body)).toEqual([]);
      expect(body.title).toBe("Too Many Requests");
      expect(body.detail).toBe("You have exceeded the limit of 10 simultaneous connections.");
    }
    const stats = (await api.control("GET", "/stats")).body;
    expect(Object.values(stats.max_concurrent)).toContain(10);
  });
});

describe("authentication", () => {
  it("answers 401 API Key Missing without credentials", async () => {
    const res = await api.call("GET", "/ping", undefined, null);
    expect(res.status).toBe(401);
    expect(res.body.title).toBe("API Key Missing");
    expect(spec.validate("Problem_Detail_Document", res.body)).toEqual([]);
  });
  it("answers 401 API Key Invalid for an unknown key of this datacenter", async () => {
    const res = await api.call("GET", "/ping", undefined, "ffffffffffffffffffffffffffffffff-us21");
    expect(res.status).toBe(401);
    expect(res.body.title).toBe("API Key Invalid");
  });
  it("answers 403 Wrong Datacenter for a key of another datacenter", async () => {
    const res = await api.call("GET", "/ping", undefined, "0123456789abcdef0123456789abcdef-us6");
    expect(res.status).toBe(403);
    expect(res.body.title).toBe("Wrong Datacenter");
  });
});

describe("routing errors", () => {
  it("answers 404 Resource Not Found for unknown routes and resources", async () => {
    for (const path of ["/nothing-here", "/lists/0000000000", "/lists/0000000000/members/abc"]) {
      const res = await api.call("GET", path);
      expect(res.status).toBe(404);
      expect(res.body.title).toBe("Resource Not Found");
      expect(spec.validate("Problem_Detail_Document", res.body)).toEqual([]);
    }
  });
  it("answers 405 with an Allow header for a known path and a wrong method", async () => {
    const res = await api.call("PUT", "/lists");
    expect(res.status).toBe(405);
    expect(res.body.title).toBe("Method Not Allowed");
    expect(res.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "POST"]);
  });
  it("answers 400 JSON Parse Error for a malformed body", async () => {
    const res = await api.call("POST", "/lists", "{not json");
    expect(res.status).toBe(400);
    expect(res.body.title).toBe("JSON Parse Error");
  });
  it("answers GET /ping with the documented health status", async () => {
    const res = await api.call("GET", "/ping");
    expect(res.body).toEqual({ health_status: "Everything's Chimpy!" });
    expect(spec.validate("API_health_status", res.body)).toEqual([]);
    expect(spec.validate("API_Root", (await api.call("GET", "/")).body)).toEqual([]);
  });
});

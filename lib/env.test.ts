import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, PRODUCTION_REQUIRED } from "./env";

const complete = Object.fromEntries(PRODUCTION_REQUIRED.map((k) => [k, k.endsWith("URL") ? "https://x.example" : "set"]));

describe("parseEnv", () => {
  it("refuses to start in production and names every missing variable", () => {
    const { MAILCHIMP_API_KEY: _mc, NEXTAUTH_SECRET: _s, ...partial } = complete;
    expect(() => parseEnv({ ...partial, NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ ...partial, NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET, MAILCHIMP_API_KEY/);
  });

  it("accepts a complete production environment", () => {
    expect(parseEnv({ ...complete, NODE_ENV: "production" }).mode).toBe("production");
  });

  it("does not demand runtime configuration while `next build` runs", () => {
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).mode).toBe("production");
  });

  it("lets the demo run with nothing set", () => {
    const env = parseEnv({ NODE_ENV: "production", BRIDGELINE_MODE: "demo" });
    expect(env.mode).toBe("demo");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset and names malformed values", () => {
    expect(parseEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ ODOO_URL: "not a url" })).toThrow(/ODOO_URL/);
    expect(() => parseEnv({ ODOO_PROTOCOL: "xmlrpc" })).toThrow(/ODOO_PROTOCOL/);
  });

  it("wants all three OIDC variables or none", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID/);
    expect(parseEnv({ OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }).OIDC_ISSUER).toBe(
      "https://idp.example",
    );
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoConnectionsFile, writeDemoConnections } from "./demo-connections";
import { EnvError, parseEnv, PRODUCTION_REQUIRED, withRunningDemo } from "./env";

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

describe("withRunningDemo", () => {
  const demoEnv = {
    ODOO_URL: "http://127.0.0.1:41001", ODOO_DB: "demo", ODOO_USERNAME: "admin", ODOO_API_KEY: "k",
    MAILCHIMP_API_KEY: "0123456789abcdef0123456789abcdef-us21", MAILCHIMP_BASE_URL: "http://127.0.0.1:41002/3.0",
  };
  const dataDirWith = (pid: number) => {
    const dir = mkdtempSync(path.join(tmpdir(), "bridgeline-env-"));
    writeFileSync(demoConnectionsFile(dir), JSON.stringify({ pid, env: demoEnv }));
    return dir;
  };

  it("points CLIs outside production at the emulators of the demo running on the same data directory", () => {
    const dir = dataDirWith(process.pid);
    const env = parseEnv(withRunningDemo({ BRIDGELINE_DATA_DIR: dir }));
    expect(env).toMatchObject({ mode: "development", ...demoEnv });
  });

  it("fills only a group left entirely unset, never in production, tests or a demo, and ignores a demo that is gone", () => {
    const dir = dataDirWith(process.pid);
    const mine = { BRIDGELINE_DATA_DIR: dir, ODOO_URL: "https://erp.example", ODOO_DB: "prod", ODOO_USERNAME: "u", ODOO_API_KEY: "x" };
    expect(withRunningDemo(mine)).toEqual({ ...mine, MAILCHIMP_API_KEY: demoEnv.MAILCHIMP_API_KEY, MAILCHIMP_BASE_URL: demoEnv.MAILCHIMP_BASE_URL });
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dir, ODOO_URL: "https://erp.example" }).ODOO_DB).toBeUndefined();
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dir, NODE_ENV: "production" }).ODOO_URL).toBeUndefined();
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dir, NODE_ENV: "test" }).ODOO_URL).toBeUndefined();
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dir, BRIDGELINE_MODE: "demo" }).ODOO_URL).toBeUndefined();
    const gone = spawnSync("true").pid;
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dataDirWith(gone) }).ODOO_URL).toBeUndefined();
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "bridgeline-env-")) }).ODOO_URL).toBeUndefined();
  });

  it("is what the demo writes, and gone once the demo removes it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bridgeline-env-"));
    const forget = writeDemoConnections(dir, { ...demoEnv, MAILCHIMP_WEBHOOK_SECRET: "not for the file" });
    expect(JSON.parse(readFileSync(demoConnectionsFile(dir), "utf8"))).toEqual({ pid: process.pid, env: demoEnv });
    expect(statSync(demoConnectionsFile(dir)).mode & 0o777).toBe(0o600);
    forget();
    expect(withRunningDemo({ BRIDGELINE_DATA_DIR: dir }).ODOO_URL).toBeUndefined();
  });
});

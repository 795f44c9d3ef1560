import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_ROUTES } from "./public-routes";

/**
 * Static half of the "no entry point without a role check" rule (the e2e suite calls every route and
 * action without a session for the runtime half). A route handler must export its methods through
 * withRoles unless it is listed here as public, with the reason; a server-action file may export only
 * actions built with defineAction.
 */

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

describe("route handlers under app/api", () => {
  const routes = walk("app/api").filter((f) => /route\.tsx?$/.test(f));

  it("exist", () => expect(routes.length).toBeGreaterThan(2));

  it.each(routes)("%s is public by declaration or guarded by withRoles on every method", (file) => {
    const source = readFileSync(file, "utf8");
    if (PUBLIC_ROUTES[file]) return;
    const exported = METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b`).test(source));
    expect(exported.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
    for (const m of exported) {
      expect(source, `${file} ${m} must be built with withRoles`).toMatch(new RegExp(`export\\s+const\\s+${m}\\s*=\\s*withRoles\\(`));
    }
    expect(source, `${file} re-exports handlers in a way this check cannot see`).not.toMatch(/export\s*\{/);
  });
});

describe("server actions", () => {
  const files = walk("app").filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/m.test(readFileSync(f, "utf8")));

  it.each(files)("%s exports only defineAction-built actions", (file) => {
    const source = readFileSync(file, "utf8");
    expect(source).not.toMatch(/export\s+(async\s+)?function/);
    expect(source).not.toMatch(/export\s+default/);
    const exports = [...source.matchAll(/export\s+const\s+(\w+)\s*=\s*(\w+)\(/g)];
    expect(exports.length).toBeGreaterThan(0);
    for (const [, name, builder] of exports) expect(builder, `${file} ${name}`).toBe("defineAction");
  });
});

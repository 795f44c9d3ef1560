import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PUBLIC_ROUTES } from "@/tests/auth/public-routes";
import { asRole, expect, test } from "./fixtures";

/**
 * Runtime half of the entry-point rule: every route handler under app/api and every server action in the
 * build is called without a session and must refuse (401), except the routes declared public.
 */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const routes = walk("app/api")
  .filter((f) => /route\.tsx?$/.test(f) && !PUBLIC_ROUTES[f])
  .map((file) => {
    const source = readFileSync(file, "utf8");
    const url = `/${path.dirname(path.relative("app", file))}`
      .replace(/\[\.\.\.(\w+)\]/g, "x/y")
      .replace(/\[(\w+)\]/g, "sample");
    return { file, url, methods: METHODS.filter((m) => new RegExp(`export\\s+const\\s+${m}\\b`).test(source)) };
  });

test("the inventory found route handlers to check", () => {
  expect(routes.length).toBeGreaterThan(0);
});

for (const r of routes) {
  for (const method of r.methods) {
    test(`${method} ${r.url} without a session is 401`, async ({ request }) => {
      const res = await request.fetch(r.url, { method, data: method === "GET" ? undefined : {} });
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    });
  }
}

interface ActionManifest {
  node: Record<string, { workers: Record<string, unknown> }>;
}

function serverActions(): { id: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as ActionManifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    return { id, page };
  });
}

async function callAction(request: import("@playwright/test").APIRequestContext, id: string, page: string) {
  const res = await request.post(page, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{}]),
  });
  return res.text();
}

test.describe("server actions", () => {
  test("the build has server actions to check", () => {
    expect(serverActions().length).toBeGreaterThan(0);
  });

  test("every server action refuses a caller without a session (401)", async ({ request }) => {
    for (const a of serverActions()) {
      expect(await callAction(request, a.id, a.page), `action ${a.id} on ${a.page}`).toContain('"status":401');
    }
  });

  test.describe("as marketing", () => {
    test.use(asRole("marketing"));
    test("admin-only actions and routes answer 403", async ({ request }) => {
      for (const a of serverActions()) {
        expect(await callAction(request, a.id, a.page), `action ${a.id} on ${a.page}`).toContain('"status":403');
      }
      const res = await request.get("/api/users");
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
      expect((await request.get("/api/me")).status()).toBe(200);
    });
  });
});

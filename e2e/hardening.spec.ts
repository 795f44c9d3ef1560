import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { pagesFor, ROLES, type Role } from "@/lib/auth/roles";
import { asRole, expect, test } from "./fixtures";
import { E2E_USERS, storageStatePath } from "./users";

/**
 * Issue 15 in a real browser against the build: the open redirect after sign-in, security headers and a CSP the
 * console's own pages pass, session revocation on sign-out, and a bounded fuzz of every route and server action,
 * signed out and per role, that must never produce a 5xx (or an action result with status 500).
 */

const base = () => process.env.E2E_BASE_URL as string;

test.describe("sign-in redirects stay on the console", () => {
  const payloads = ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"];

  test.describe("already signed in: the server redirect", () => {
    test.use(asRole("admin"));
    for (const p of payloads) {
      test(`callbackUrl=${p}`, async ({ page }) => {
        await page.goto(`/signin?callbackUrl=${p}`).catch(() => undefined);
        expect(new URL(page.url()).origin).toBe(new URL(base()).origin);
      });
    }
  });

  test("after the sign-in form", async ({ page }) => {
    const res = await page.goto("/signin?callbackUrl=/%5Cevil.example");
    // The one page a signed-out visitor sees carries the same headers as the console's own pages.
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res?.headers()).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "same-origin" });
    await page.getByLabel("Email").fill(E2E_USERS.finance.email);
    await page.getByLabel("Password").fill(E2E_USERS.finance.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { waitUntil: "commit" }).catch(() => undefined);
    expect(new URL(page.url()).origin).toBe(new URL(base()).origin);
  });
});

for (const role of ROLES) {
  test.describe(`security headers and CSP as ${role}`, () => {
    test.use(asRole(role));
    test("every page sends the headers and breaks no CSP rule", async ({ page }) => {
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) violations.push(m.text());
      });
      page.on("pageerror", (e) => violations.push(`pageerror: ${e.message}`));
      for (const p of pagesFor(role)) {
        const res = await page.goto(p.href);
        const h = res?.headers() ?? {};
        expect(h["content-security-policy"], p.href).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        expect(h["content-security-policy"], p.href).toContain("frame-ancestors 'none'");
        expect(h["x-frame-options"], p.href).toBe("DENY");
        expect(h["x-content-type-options"], p.href).toBe("nosniff");
        expect(h["referrer-policy"], p.href).toBe("same-origin");
        // Hydrated: the sign-out button is a client component, which needs the nonce'd scripts to have run.
        await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
      }
      expect(violations).toEqual([]);
    });
  });
}

test("the Overview shows connection details to admins only", async ({ browser }) => {
  const odoo = process.env.E2E_ODOO_URL as string;
  for (const role of ROLES) {
    const context = await browser.newContext({ storageState: storageStatePath(role), baseURL: base() });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text.includes(odoo), role).toBe(role === "admin");
    await context.close();
  }
});

test("a session cookie saved before sign-out no longer works after it", async ({ page, browser }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E_USERS.marketing.email);
  await page.getByLabel("Password").fill(E2E_USERS.marketing.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText("marketing");
  const saved = await page.context().storageState();
  expect((await page.request.get("/api/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const replay = await browser.newContext({ storageState: saved, baseURL: base() });
  expect((await replay.request.get("/api/me")).status()).toBe(401);
  await replay.close();
});

/** One HTTP request from a chosen loopback address, so this test's sign-in failures bind no other test's address. */
function requestFrom(localAddress: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; setCookies: string[]; location: string; text: string }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers["set-cookie"] ?? [], location: res.headers.location ?? "", text }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

test("a client that rotates X-Forwarded-For still hits the per-address limit, and the audit log keeps its real address", async ({ browser }) => {
  // Not a trusted proxy (TRUSTED_PROXIES is unset here): what this client says it forwards must change nothing.
  const client = "127.0.0.77";
  const csrf = await requestFrom(client, `${base()}/api/auth/csrf`);
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const signIn = async (email: string, password: string, spoof: string) => {
    const res = await requestFrom(client, `${base()}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": spoof, "X-Real-IP": spoof },
      body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
    });
    return `${res.status} ${res.location} ${res.text}`;
  };
  // 30 failures per address in the window; each on another account (under the 5-per-account lock), each claiming
  // another address.
  for (let i = 0; i < 30; i++) expect(await signIn(`xff-${i}@spoof.bridgeline.test`, "wrong", `198.51.100.${i}`)).toMatch(/error=invalid/);
  // The 31st, with a right password and yet another claimed address, is refused: the address is the socket's.
  expect(await signIn(E2E_USERS.finance.email, E2E_USERS.finance.password, "198.51.100.200")).toMatch(/error=locked/);

  const admin = await browser.newContext({ storageState: storageStatePath("admin"), baseURL: base() });
  const csv = await (await admin.request.get("/api/export/audit")).text();
  await admin.close();
  const ours = csv.split("\n").filter((l) => l.includes("@spoof.bridgeline.test"));
  expect(ours.length).toBeGreaterThanOrEqual(30);
  for (const line of ours) expect(line).toContain(client);
  expect(csv).not.toContain("198.51.100.");
});

// ---- fuzz -------------------------------------------------------------------------------------------------

/** A seeded generator (mulberry32): the same requests on every run, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const ROUTES = walk("app/api")
  .filter((f) => /route\.tsx?$/.test(f))
  .map((f) => `/${path.dirname(path.relative("app", f))}`);

function actions(): { id: string; page: string; workers: string[] }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    return { id, workers: Object.keys(entry.workers), page: worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[id\]/, "00000000-0000-4000-8000-000000000000") || "/" };
  });
}

const NASTY = ["", "x", "\u0000", "a\u0000b", "%FF", "%00", "-".repeat(36), "99999999999999999999999", "-1", "1e309", "../../etc/passwd", "<script>", "$B1", "$K1", "$@0", "é".repeat(50), "x".repeat(5000)];

function segment(r: ReturnType<typeof rng>): string {
  return r.pick(["%FF", "%C0%AF", "%00", "-".repeat(36), "99999999999999999999", "not-a-uuid", encodeURIComponent(r.pick(NASTY)) || "x"]);
}

function fillRoute(route: string, r: ReturnType<typeof rng>): string {
  const filled = route.replace(/\[\.\.\.\w+\]/g, () => `${segment(r)}/${segment(r)}`).replace(/\[\w+\]/g, () => segment(r));
  const query = Array.from({ length: Math.floor(r.next() * 3) }, () => `${r.pick(["id", "page", "kind", "audience", "q", "sort", "email", "runId", "passId", "limit"])}=${segment(r)}`);
  return query.length ? `${filled}?${query.join("&")}` : filled;
}

/** Bodies a signed-in fuzz may send without changing anything: none validates as an action's input. */
function actionBody(r: ReturnType<typeof rng>): { body: string | Buffer; contentType: string } {
  const kind = r.pick(["garbage", "reference", "nul", "wrongType", "range", "multipart", "huge", "utf8"]);
  switch (kind) {
    case "garbage":
      return { body: r.pick(["{bad json", "[", "", "null", "\"str\"", "[[[[[[[["]), contentType: "text/plain;charset=UTF-8" };
    case "reference":
      return { body: r.pick(["$B1", "[\"$K1\"]", "[\"$@0\"]", "[{\"a\":\"$Q1\"}]", "[\"$T\"]"]), contentType: "text/plain;charset=UTF-8" };
    case "nul":
      return { body: JSON.stringify([{ id: "1\u0000", body: "x\u0000", userId: "\u0000", policyJson: "\u0000" }]), contentType: "text/plain;charset=UTF-8" };
    case "wrongType":
      return { body: JSON.stringify([r.pick([42, "string", [1, 2], null, true])]), contentType: "text/plain;charset=UTF-8" };
    case "range":
      return { body: JSON.stringify([{ id: "99999999999999999999999\u0000", runId: "-".repeat(36), action: "teleport", decision: "maybe" }]), contentType: "text/plain;charset=UTF-8" };
    case "multipart":
      return { body: "--b\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--b--\r\n", contentType: "multipart/form-data; boundary=b" };
    case "huge":
      return { body: Buffer.alloc(2 * 1024 * 1024, 0x61), contentType: "text/plain;charset=UTF-8" };
    default:
      return { body: Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), contentType: "text/plain;charset=UTF-8" };
  }
}

function routeBody(r: ReturnType<typeof rng>): { data?: string | Buffer; contentType: string } {
  return r.pick([
    { data: "{bad json", contentType: "application/json" },
    { data: JSON.stringify({ email: "a\u0000@x.io", password: "p", id: "99999999999999999999" }), contentType: "application/json" },
    { data: "email=a%00b&password=x&type=unsubscribe&fired_at=2999-01-01+00:00:00", contentType: "application/x-www-form-urlencoded" },
    { data: Buffer.from([0xff, 0xfe, 0x00, 0x01]), contentType: "application/octet-stream" },
    { data: "--b\r\n\r\n--b--", contentType: "multipart/form-data; boundary=b" },
    { data: undefined, contentType: "text/plain" },
  ]);
}

/** A server that refuses a 2 MB body before reading it closes that connection; a request reusing the socket
 * then reads ECONNRESET. Every fuzz request gets a connection of its own, so each answer is its own. */
const FRESH_CONNECTION = { Connection: "close" };

/** The audit's own cases, sent on every run beside the random ones (issue 15's list of 500s). */
function auditCases(action: { id: string; page: string }, exceptionActions: { id: string; page: string }[]): Array<{ persona: Role | "signed out"; method: string; url: string; data?: string | Buffer; contentType: string; action?: string }> {
  const text = "text/plain;charset=UTF-8";
  const bodies: Array<string | Buffer> = ["{bad json", "$B1", "[\"$K1\"]", Buffer.alloc(2 * 1024 * 1024, 0x61)];
  return [
    // Server-action bodies Next cannot decode, signed out; multipart too.
    ...bodies.map((data) => ({ persona: "signed out" as const, method: "POST", url: action.page, data, contentType: text, action: action.id })),
    { persona: "signed out", method: "POST", url: action.page, data: "--b\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--b--\r\n", contentType: "multipart/form-data; boundary=b", action: action.id },
    // Server actions given NUL bytes, and (the exception queue's, which take any digits: nothing exists to change)
    // unknown and out-of-range ids, signed in.
    { persona: "admin", method: "POST", url: action.page, data: JSON.stringify([{ id: "1", body: "x\u0000" }]), contentType: text, action: action.id },
    ...exceptionActions.flatMap((a) =>
      ["99999999999999999999999", "123456789"].map((id) => ({ persona: "ops" as const, method: "POST", url: a.page, data: JSON.stringify([{ id, ownerId: null, body: "x", resolved: true }]), contentType: text, action: a.id })),
    ),
    // next-auth credentials posted as JSON.
    { persona: "signed out", method: "POST", url: "/api/auth/callback/credentials", data: JSON.stringify({ email: "a@b.c", password: "x", csrfToken: "x" }), contentType: "application/json" },
    // Invalid UTF-8 in the webhook path.
    { persona: "signed out", method: "POST", url: "/api/webhooks/mailchimp/%FF%FE", data: "type=unsubscribe", contentType: "application/x-www-form-urlencoded" },
    { persona: "signed out", method: "GET", url: "/api/webhooks/mailchimp/%C0%AF", contentType: "text/plain" },
    // Malformed run ids, on the page and its APIs.
    ...["/runs/not-a-uuid", "/runs/99999999999999999999", "/runs/%FF", "/api/runs/not-a-uuid/progress", "/api/runs/-1/monitoring", "/api/runs/%00/progress"].map((url) => ({ persona: "admin" as const, method: "GET", url, contentType: "text/plain" })),
  ];
}

test("fuzz: random and malformed requests to every route and server action, signed out and per role, never 500 (5xx allowed only as the cron routes' 503 while CRON_SECRET is unset)", async () => {
  test.setTimeout(300_000);
  const r = rng(15);
  const acts = actions();
  const personas: (Role | "signed out")[] = ["signed out", ...ROLES];
  const counts: Record<string, number> = {};
  const failures: string[] = [];
  const contexts = new Map<string, APIRequestContext>();
  for (const p of personas) {
    contexts.set(p, await playwrightRequest.newContext({ baseURL: base(), ...(p === "signed out" ? {} : { storageState: storageStatePath(p) }) }));
  }
  const serverLog = process.env.E2E_SERVER_LOG as string;
  const logFrom = statSync(serverLog).size;
  let sent = 0;
  const record = async (label: string, res: APIResponse) => {
    sent += 1;
    const status = res.status();
    // Server actions answer 200 with their result (status inside) as text/x-component: read every body.
    const text = await res.text();
    const cls = `${Math.floor(status / 100)}xx`;
    counts[cls] = (counts[cls] ?? 0) + 1;
    // The cron routes fail closed with 503 while CRON_SECRET is unset (as in this suite): a documented refusal.
    const cronDisabled = status === 503 && /CRON_SECRET is not set/.test(text);
    if ((status >= 500 && !cronDisabled) || /"status":500/.test(text)) failures.push(`${label}: ${status} ${text.slice(0, 200)}`);
    if (/\n\s+at .+:\d+:\d+/.test(text)) failures.push(`${label}: a stack trace in the response`);
  };

  const exceptionActions = acts.filter((a) => a.workers.some((w) => /\/exceptions\/page$/.test(w))).map((a) => ({ ...a, page: "/exceptions" }));
  expect(exceptionActions.length).toBeGreaterThan(0);
  for (const c of auditCases(acts[0] as { id: string; page: string }, exceptionActions)) {
    const ctx = contexts.get(c.persona) as APIRequestContext;
    const headers = { ...FRESH_CONNECTION, "Content-Type": c.contentType, ...(c.action ? { "Next-Action": c.action, Origin: base() } : {}) };
    await record(`audit case: ${c.persona} ${c.method} ${c.url}`, await ctx.fetch(c.url, { method: c.method, headers, data: c.data, maxRedirects: 0 }));
  }
  const PER_PERSONA = 60;
  for (const persona of personas) {
    const ctx = contexts.get(persona) as APIRequestContext;
    for (let i = 0; i < PER_PERSONA; i++) {
      if (r.next() < 0.5) {
        const a = r.pick(acts);
        const { body, contentType } = actionBody(r);
        const res = await ctx.post(a.page, { headers: { ...FRESH_CONNECTION, "Next-Action": a.id, "Content-Type": contentType, Origin: base() }, data: body });
        await record(`${persona} action ${a.id.slice(0, 8)} on ${a.page}`, res);
      } else {
        const url = fillRoute(r.pick([...ROUTES, "/runs/[id]", "/reconciliation/record", "/exceptions", "/signin"]), r);
        const method = r.pick(["GET", "POST", "PUT", "PATCH", "DELETE"] as const);
        const { data, contentType } = routeBody(r);
        const res = await ctx.fetch(url, { method, headers: { ...FRESH_CONNECTION, "Content-Type": contentType }, data: method === "GET" ? undefined : data, maxRedirects: 0 });
        await record(`${persona} ${method} ${url.slice(0, 120)}`, res);
      }
    }
  }
  for (const c of contexts.values()) await c.dispose();
  // "No stack trace in the logs": what the console server wrote while the fuzz ran (other specs share it, and
  // none of them should make it log a stack either).
  const logged = readFileSync(serverLog, "utf8").slice(logFrom);
  const stacks = logged.split("\n").filter((l) => /^\s+at .+:\d+:\d+\)?$|\\n\s+at .+:\d+:\d+/.test(l));
  console.log(
    `fuzz: ${sent} requests (${acts.length} actions, ${ROUTES.length} routes, ${personas.length} personas), status classes ${JSON.stringify(counts)}, ` +
      `failures ${failures.length}, stack-trace lines in the server log ${stacks.length}`,
  );
  expect(failures).toEqual([]);
  expect(stacks, logged.slice(-3000)).toEqual([]);
});

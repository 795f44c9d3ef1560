import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { OdooClient } from "@/lib/odoo";
import { asRole, expect, test } from "./fixtures";

// Every table's CSV link on the demo business (seeded, synced and read back by the global setup), clicked as an
// admin (who sees every page): each downloads a CSV whose header is followed by rows. The tables the demo leaves
// empty show no link (the Consent page's sections) or are checked for their header only where named below.

const odoo = () =>
  new OdooClient({ url: process.env.E2E_ODOO_URL ?? "http://127.0.0.1:9", db: "bridgeline", username: "admin", apiKey: "odoo-demo-key", protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

/**
 * Tables that may be empty when downloaded: a header is all they must have. The demo's first sync may leave gaps and
 * alerts empty; an opt-out waiting for Odoo leaves its table as soon as the worker's write-back is confirmed, which
 * can fall between the page showing the table's link and the download (the CSV is read at download time).
 */
const MAY_BE_EMPTY = new Set(["reconciliation-gaps", "alerts", "consent-opt-outs"]);

async function downloadAll(page: Page, seen: Map<string, number>): Promise<void> {
  const links = page.getByTestId("csv-link");
  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    const table = (await link.getAttribute("data-table")) ?? "?";
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const [header, ...rows] = (await readFile((await download.path())!, "utf8")).trim().split("\n");
    expect(header, table).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    if (!MAY_BE_EMPTY.has(table)) expect(rows.length, `${table} (${download.suggestedFilename()}) has no rows`).toBeGreaterThan(0);
    expect(download.suggestedFilename(), table).toMatch(/\.csv$/);
    seen.set(table, rows.length);
  }
}

test.describe("CSV exports", () => {
  test.use(asRole("admin"));

  test("every table's CSV link downloads a file with rows", async ({ page }) => {
    test.setTimeout(240_000);
    const seen = new Map<string, number>();
    const [brandon] = await odoo().searchPage<{ id: number; email: string }>("res.partner", { domain: [["name", "=", "Brandon Freeman"]], fields: ["email"], limit: 1 });
    for (const path of ["/", "/alerts?status=resolved", "/alerts", "/reconciliation", `/reconciliation/record?email=${encodeURIComponent(brandon!.email)}`, "/exceptions", "/consent", "/runs", "/audit", "/settings"]) {
      await page.goto(path);
      // Client-rendered tables (reconciliation, the record) appear after their first fetch.
      if (path.startsWith("/reconciliation")) await expect(page.getByTestId("csv-link").first()).toBeVisible({ timeout: 60_000 });
      await downloadAll(page, seen);
    }
    await page.goto("/runs");
    // The seeding full run (other specs may have started repair runs since, which can have no batch yet).
    await page.getByRole("row").filter({ hasText: /full/ }).last().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.locator('[data-table="run-batches"]')).toBeVisible();
    await downloadAll(page, seen);

    await page.goto("/revenue");
    await expect(page.getByTestId("revenue-table")).toBeVisible({ timeout: 120_000 });
    await page.getByRole("button", { name: /^Orders behind / }).first().click();
    await expect(page.getByTestId("revenue-orders").getByTestId("csv-link")).toBeVisible({ timeout: 30_000 });
    await downloadAll(page, seen);

    const expected = ["overview-audiences", "reconciliation-audiences", "reconciliation-gaps", "record-fields", "record-history", "exceptions", "runs", "run-batches", "audit", "users", "revenue", "revenue-orders"];
    for (const table of expected) expect([...seen.keys()], table).toContain(table);
    console.log(`csv-exports: ${seen.size} tables downloaded: ${[...seen].map(([t, n]) => `${t} ${n}`).join(", ")}`);
  });

  test("the Consent page's tables download once an unsubscribe came back from Mailchimp", async ({ page, request }) => {
    // The worker polls every 30 s in the suite; these bounds are for a loaded 2-core machine, not a speed check.
    test.setTimeout(240_000);
    const mailchimp = (process.env.E2E_MAILCHIMP_URL ?? "").replace(/\/3\.0\/?$/, "");
    const brussels = "5f1b2c0a04";
    const { members } = (await (await request.get(`${mailchimp}/_emulator/lists/${brussels}/members`)).json()) as { members: { email_address: string; status: string }[] };
    const email = members.find((m) => m.status === "transactional")!.email_address;
    expect((await request.post(`${mailchimp}/_emulator/lists/${brussels}/members/${encodeURIComponent(email)}/actions/unsubscribe`, { data: {} })).ok()).toBe(true);
    await expect(async () => {
      await page.goto("/consent");
      await expect(page.locator('[data-table="consent-events"]')).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 200_000, intervals: [5_000] });
    const seen = new Map<string, number>();
    await downloadAll(page, seen);
    // The suite's console has no webhook secret (the worker polls), so the webhooks table says why it is unchecked.
    expect([...seen.keys()]).toContain("consent-events");
    console.log(`csv-exports (consent): ${[...seen].map(([t, n]) => `${t} ${n}`).join(", ")}`);
  });
});

test.describe("CSV exports by role", () => {
  test.use(asRole("finance"));

  test("finance gets the tables of its pages and a 403 for the others", async ({ page }) => {
    const get = async (path: string) => page.request.get(path);
    const overview = await get("/api/export/overview-audiences");
    expect(overview.status()).toBe(200);
    expect((await overview.text()).trim().split("\n").length).toBeGreaterThan(1);
    for (const table of ["runs", "audit", "exceptions", "consent-events", "users"]) expect((await get(`/api/export/${table}`)).status(), table).toBe(403);
  });
});

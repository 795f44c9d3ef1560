import { asRole, expect, test } from "./fixtures";

// On the demo business (seeded and synced by the global setup, a worker attached): ops opens the Integration
// audit from the navigation, runs it, and reads the findings with their examples and fixes; the print layout
// leaves the navigation out. Marketing reads the same report without anyone's email.

test.describe.configure({ mode: "serial" });

test.describe("integration audit", () => {
  test.describe("ops", () => {
    test.use(asRole("ops"));

    test("runs the audit and reads the demo business's findings, with examples and fixes; prints without the navigation", async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto("/");
      await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Integration audit" }).click();
      await expect(page).toHaveURL(/\/integration-audit$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integration audit");
      const summary = page.getByTestId("audit-summary");
      const before = (await summary.isVisible()) ? await summary.innerText() : null;
      await page.getByRole("button", { name: "Run audit" }).click();
      await expect(page.getByRole("status")).toContainText("Audit queued");
      // The worker runs it; the page refreshes itself until the new report is there.
      await expect(async () => {
        await expect(summary).toBeVisible({ timeout: 2_000 });
        if (before !== null) expect(await summary.innerText()).not.toBe(before);
      }).toPass({ timeout: 120_000 });
      await expect(page.getByRole("button", { name: "Run audit" })).toBeEnabled({ timeout: 30_000 });

      await expect(summary).toContainText("partners");
      await expect(page.getByRole("heading", { name: "Odoo data quality" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Mailchimp health" })).toBeVisible();
      // The demo business is seeded with partners that have no email and with junk ones (tests/audit counts them).
      const missing = page.locator('[data-testid="audit-finding"][data-kind="missing_email"]');
      await expect(missing).toContainText("Marketing contacts without an email");
      expect(Number((await missing.getByTestId("audit-count").innerText()).replace(/,/g, ""))).toBeGreaterThan(0);
      await expect(missing).toContainText("Fix:");
      const invalid = page.locator('[data-testid="audit-finding"][data-kind="invalid_email"]');
      await expect(invalid.getByRole("row").first()).toContainText(/partner \d+/);
      // Ops sees the addresses behind a finding: the demo's customers sharing one address.
      await expect(page.locator('[data-testid="audit-finding"][data-kind="duplicate_email"] table')).toContainText("@");
      await expect(page.locator('[data-testid="audit-finding"][data-kind="store_stuck_syncing"]')).toContainText("Stores stuck syncing");
      await page.screenshot({ path: test.info().outputPath("audit.png"), fullPage: true });

      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
      await expect(page.getByRole("button", { name: "Run audit" })).toBeHidden();
      await expect(missing).toBeVisible();
    });
  });

  test.describe("marketing", () => {
    test.use(asRole("marketing"));

    test("reads the report with counts and fixes but no email, and cannot start an audit", async ({ page }) => {
      await page.goto("/integration-audit");
      await expect(page.getByTestId("audit-summary")).toContainText("Emails and names are shown to ops and admins only.");
      const invalid = page.locator('[data-testid="audit-finding"][data-kind="invalid_email"]');
      await expect(invalid.getByRole("row").first()).toContainText(/partner \d+/);
      for (const kind of ["missing_email", "invalid_email", "duplicate_email", "unmanaged_members"])
        expect(await page.locator(`[data-testid="audit-finding"][data-kind="${kind}"] table`).allInnerTexts().then((t) => t.join(" "))).not.toContain("@");
      await expect(page.getByRole("button", { name: "Run audit" })).toHaveCount(0);
    });
  });
});

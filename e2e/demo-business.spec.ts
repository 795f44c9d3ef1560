import { asRole, expect, test } from "./fixtures";

// The global setup seeded the demo's business and ran its first full sync: these pages must show it.

test.describe("with the demo business synced", () => {
  test.describe("admin", () => {
    test.use(asRole("admin"));

    test("Sync runs lists the first full run as succeeded, and its page shows batches that were sent", async ({ page }) => {
      await page.goto("/runs");
      const row = page.getByRole("row").filter({ hasText: "full" }).filter({ hasText: "cli" }).first();
      await expect(row).toContainText("succeeded");
      await row.getByRole("link").click();
      await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
      const batch = page.getByRole("row").filter({ hasText: "subscribe new" }).first();
      await expect(batch).toContainText("succeeded");
    });
  });

  test.describe("marketing", () => {
    test.use(asRole("marketing"));

    test("Overview counts synced contacts in each of the demo's four audiences, named by their routing rules", async ({ page }) => {
      await page.goto("/");
      for (const name of ["San Francisco B2B", "San Francisco B2C", "Chicago", "Brussels"]) {
        const row = page.getByRole("row").filter({ hasText: name });
        await expect(row).toBeVisible();
        // The first numeric cell is "Synced": a real sync put people in every demo audience.
        await expect(row.getByRole("cell").nth(1)).not.toHaveText("0");
      }
    });
  });

  test.describe("ops", () => {
    test.use(asRole("ops"));

    test("Exceptions lists the demo business's bad and shared emails with the partners behind them", async ({ page }) => {
      await page.goto("/exceptions");
      await expect(page.getByRole("navigation", { name: "Filter exceptions" }).getByRole("link", { name: /Invalid email · \d+/i })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Filter exceptions" }).getByRole("link", { name: /same email|duplicate/i })).toBeVisible();
    });

    test("an exception links to its runbook entry, and the runbook carries the handover reference", async ({ page }) => {
      await page.goto("/exceptions?kind=invalid_email");
      await page.locator('a[href="/runbook#exception-invalid-email"]').first().click();
      await expect(page).toHaveURL(/\/runbook#exception-invalid-email$/);
      await expect(page.locator("#exception-invalid-email")).toContainText("Invalid email");
      for (const name of ["Where each kind of record comes from", "Daily checks", "Rotating keys and secrets", "Restoring after a failure"]) {
        await expect(page.getByRole("heading", { name })).toBeVisible();
      }
    });
  });
});

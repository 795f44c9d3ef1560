import { readFile } from "node:fs/promises";
import { asRole, expect, test } from "./fixtures";

// In the "runs" project, after every console spec: a full re-sync must not overlap a spec's own run (a repair).

test.describe("admin", () => {
  test.use(asRole("admin"));

  test("starts a full re-sync of the demo business and watches every progress bar reach 100%", async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto("/runs");
    await page.getByRole("button", { name: "Full re-sync" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const progress = page.getByRole("region", { name: "Progress" });
    for (const label of ["Reading Odoo", "Planning", "Sending to Mailchimp", "Checking /batches"]) {
      await expect(progress.getByRole("progressbar", { name: label })).toBeVisible();
    }
    // Bounds for a loaded 2-core machine, not speed checks: the demo's full compare takes seconds when quiet.
    // The demo's policy syncs orders too: their step has a bar of its own, after the members.
    // Consent flows back to Odoo beside runs: its bar counts the opt-outs written back while this run was active.
    for (const label of ["Reading Odoo", "Planning", "Sending to Mailchimp", "Checking /batches", "Orders to Mailchimp", "Consent back to Odoo"]) {
      await expect(progress.getByRole("progressbar", { name: label })).toHaveAttribute("aria-valuenow", "100", { timeout: 240_000 });
    }
    await expect(progress.getByText(/partners, done/)).toBeVisible();
    await expect(page.getByText("succeeded").first()).toBeVisible();
    // For the README (docs/screenshots/run-progress.png is copied from here by hand).
    await page.screenshot({ path: test.info().outputPath("run-progress.png"), fullPage: false });
    // The run's Mailchimp traffic, from the worker's counts (flushed every 5 s, so it may take a poll to show).
    const totals = page.getByTestId("endpoint-totals");
    // A full run always checks the audiences' merge fields; what else it sends depends on what changed since.
    await expect(totals).toContainText("GET /lists/{list_id}/merge-fields", { timeout: 30_000 });
    await expect(page.getByTestId("chart-requests").locator(".recharts-bar-rectangle").first()).toBeVisible();
    // The traffic table's CSV: one row per minute, endpoint and outcome of this run.
    const [download] = await Promise.all([page.waitForEvent("download"), totals.getByTestId("csv-link").click()]);
    const [header, ...rows] = (await readFile((await download.path())!, "utf8")).trim().split("\n");
    expect(header).toBe("minute,endpoint,outcome,calls,wait_ms,max_wait_ms,duration_ms");
    expect(rows.some((r) => r.includes("GET /lists/{list_id}/merge-fields"))).toBe(true);
    await totals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("run-monitoring.png"), fullPage: true });
    // And the Overview's two-week trend counts them too.
    await page.goto("/");
    await expect(page.getByTestId("chart-requests")).toBeVisible();
    await expect(page.getByTestId("endpoint-totals")).toContainText("GET /lists/{list_id}/merge-fields");
  });
});

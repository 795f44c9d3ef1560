import { readFile } from "node:fs/promises";
import { asRole, expect, test } from "./fixtures";

// On the demo business: Odoo gets a company_type value the mapping does not know (what a module upgrade or a
// Studio edit does), ops asks for a check, the diagnosis raises the drift alert, ops acknowledges it and follows
// its runbook link. The value is taken away again at once: while it exists, every run would stop before writing.

const odoo = () => process.env.E2E_ODOO_URL ?? "http://127.0.0.1:9";

async function schema(body: object): Promise<void> {
  const res = await fetch(`${odoo()}/_emulator/schema`, { method: "POST", body: JSON.stringify(body) });
  expect(res.ok, await res.text()).toBe(true);
}

test.describe("alerts", () => {
  test.use(asRole("ops"));

  test("ops acknowledges an Odoo drift alert and follows its runbook link", async ({ page }) => {
    test.setTimeout(180_000);
    const field = { model: "res.partner", field: "company_type" };
    const card = page.getByTestId("alert-card").filter({ hasText: "res.partner.company_type" });
    await schema({ ...field, add_selection: ["foundation", "Foundation"] });
    try {
      await page.goto("/alerts");
      await page.getByRole("button", { name: "Check now" }).click();
      await expect(page.getByRole("status")).toContainText("Check queued");
      await expect(async () => {
        await page.reload();
        await expect(card).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 90_000 });
    } finally {
      await schema({ ...field, remove_selection: "foundation" });
    }
    await expect(card).toContainText('New value "foundation"');
    await expect(card).toContainText("owner: admin");
    await expect(page.getByTestId("alert-bell")).toBeVisible();

    await card.getByRole("button", { name: "Acknowledge" }).click();
    await expect(card.getByTestId("alert-acknowledged")).toContainText("acknowledged by E2E ops");
    await expect(card.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    // For the README (docs/screenshots/alerts.png is copied from here by hand).
    await page.screenshot({ path: test.info().outputPath("alerts.png"), fullPage: false });

    // The Alerts table's CSV, with the page's filter (open): the drift alert is a row of it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-link").click()]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    expect(csv).toContain("res.partner.company_type");

    await card.getByRole("link", { name: "Runbook" }).click();
    await expect(page).toHaveURL(/\/runbook#alert-odoo-schema-drift$/);
    const entry = page.locator("#alert-odoo-schema-drift");
    await expect(entry).toBeVisible();
    await expect(entry).toContainText("Odoo schema drift");
    await expect(entry).toContainText("Restore the field in Odoo");
  });
});

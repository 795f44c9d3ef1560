import { readFile } from "node:fs/promises";
import { OdooClient } from "@/lib/odoo";
import { odooBooksByCurrency } from "@/tests/helpers/odoo-books";
import { asRole, expect, test } from "./fixtures";

// The demo business is synced by the global setup (its policy has e-commerce on, so its orders and credit notes
// are in Mailchimp's stores) and the worker read Odoo and Mailchimp back after that full run. Finance signs in,
// lands on Revenue, sees the chart, the table and a zero difference, and downloads the CSV; the CSV's Odoo net per
// currency is checked against Odoo itself (confirmed orders minus the posted credit notes of their invoices).

const odoo = () =>
  new OdooClient({ url: process.env.E2E_ODOO_URL ?? "http://127.0.0.1:9", db: "bridgeline", username: "admin", apiKey: "odoo-demo-key", protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

test.describe("revenue on the demo business", () => {
  test.use(asRole("finance"));

  test("finance lands on Revenue, sees the chart and the books per month, and downloads a CSV that matches Odoo to the cent", async ({ page }) => {
    test.setTimeout(180_000);
    // Signed in already: sign-in without a page to return to sends finance to its home.
    await page.goto("/signin");
    await expect(page).toHaveURL(/\/revenue$/);
    await expect(page.getByTestId("revenue-table")).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId("revenue-chart").locator("svg").first()).toBeVisible();
    // Two currencies in the demo (USD companies and Brussels in EUR): one chart per currency, picked here.
    await expect(page.getByLabel("Chart currency").locator("option")).toHaveText(["EUR", "USD"]);

    await expect(page.getByTestId("no-stores")).toHaveCount(0);
    for (const currency of ["EUR", "USD"]) {
      await page.getByLabel("Chart currency").selectOption(currency);
      await expect(page.getByTestId("revenue-totals")).toContainText(`All months in ${currency}:`);
      await expect(page.getByTestId("revenue-totals")).toContainText("difference 0.00");
    }

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("revenue.csv");
    const [header, ...lines] = (await readFile(await download.path(), "utf8")).trim().split("\n");
    expect(header).toBe("month,company_id,company,currency,odoo_orders,odoo_gross,odoo_refunds,odoo_cancellations,odoo_net,odoo_not_for_mailchimp,mailchimp_orders,mailchimp_net,mailchimp_cancellations,difference");
    expect(lines.length).toBeGreaterThan(1);
    // Company names have no commas in the demo, so a plain split reads the columns.
    const net: Record<string, number> = {};
    for (const line of lines) {
      const cols = line.split(",");
      net[cols[3]!] = (net[cols[3]!] ?? 0) + Math.round(Number(cols[8]) * 100);
      expect(cols[13], line).toBe("0.00");
    }
    expect(net).toEqual((await odooBooksByCurrency(odoo())).net);
  });
});

import { readFile } from "node:fs/promises";
import { OdooClient } from "@/lib/odoo";
import { asRole, expect, test } from "./fixtures";

// The demo business is synced by the global setup and the worker read Odoo and Mailchimp back after that full
// run. Finance signs in, lands on Revenue, sees the chart and the table, and downloads the CSV; the CSV's Odoo net
// per currency is checked against Odoo itself (confirmed orders minus the posted credit notes of their invoices).
//
// Main has no commerce sync yet, so the demo's Mailchimp holds no store of Bridgeline's: the page must say so
// (and show no difference it cannot compute). Once the commerce sync sends the demo's orders, the same test expects
// a zero difference instead.

const odoo = () =>
  new OdooClient({ url: process.env.E2E_ODOO_URL ?? "http://127.0.0.1:9", db: "bridgeline", username: "admin", apiKey: "odoo-demo-key", protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });

/** Odoo's net per currency, computed here from Odoo directly (not through lib/reconcile): confirmed orders minus their posted credit notes. */
async function odooNetByCurrency(): Promise<Record<string, number>> {
  const client = odoo();
  const orders: { name: string; company: number; currency: string; cents: number }[] = [];
  for await (const page of client.pages<{ id: number; name: string; company_id: [number, string]; currency_id: [number, string]; amount_total: number }>("sale.order", {
    domain: [["state", "=", "sale"]], fields: ["name", "company_id", "currency_id", "amount_total"], pageSize: 500,
  })) for (const o of page) orders.push({ name: o.name, company: o.company_id[0], currency: o.currency_id[1], cents: Math.round(o.amount_total * 100) });
  const refunded = new Map<string, number>();
  for await (const page of client.pages<{ id: number; company_id: [number, string]; invoice_origin: string | false; amount_total: number }>("account.move", {
    domain: [["move_type", "=", "out_refund"], ["state", "=", "posted"]], fields: ["company_id", "invoice_origin", "amount_total"], pageSize: 500,
  })) for (const m of page) if (m.invoice_origin) refunded.set(`${m.company_id[0]}:${m.invoice_origin}`, (refunded.get(`${m.company_id[0]}:${m.invoice_origin}`) ?? 0) + Math.round(m.amount_total * 100));
  const net: Record<string, number> = {};
  for (const o of orders) net[o.currency] = (net[o.currency] ?? 0) + o.cents - Math.min(o.cents, refunded.get(`${o.company}:${o.name}`) ?? 0);
  return net;
}

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

    const noStores = page.getByTestId("no-stores");
    if (await noStores.isVisible()) {
      await expect(noStores).toContainText("no e-commerce store of Bridgeline's yet");
      await expect(page.getByTestId("revenue-totals")).not.toContainText("difference");
    } else {
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
    }
    expect(net).toEqual(await odooNetByCurrency());
  });
});

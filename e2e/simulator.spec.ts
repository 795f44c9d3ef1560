import { asRole, expect, test } from "./fixtures";
import { askToDropSanFranciscoB2C } from "./policy-drop";

// Settings → Policy on the demo business (seeded and synced by the global setup): the routing simulator reads a
// partner from the Odoo emulator and explains it with the engine's own rules; the form edits the policy and shows
// the diff before anything is saved (nothing is saved here: other specs rely on the demo policy; saving is
// policy-drop.saves-policy.spec.ts, run after every other spec).

test.describe("routing simulator and policy form", () => {
  test.use(asRole("admin"));

  async function simulate(page: import("@playwright/test").Page, query: string, pick: RegExp) {
    const sim = page.getByTestId("routing-simulator");
    await sim.getByLabel("Partner name, email or id").fill(query);
    await sim.getByRole("button", { name: "Find in Odoo" }).click();
    await sim.getByRole("list", { name: "Partners found" }).getByRole("button", { name: pick }).first().click();
    return sim.getByTestId("simulation").first();
  }

  test("explains why a supplier is excluded and where a B2B contact goes", async ({ page }) => {
    await page.goto("/settings/policy");
    const supplier = await simulate(page, "Wood Corner", /^Wood Corner #\d+ · company/);
    await expect(supplier.getByTestId("simulation-headline")).toHaveText(/^Excluded: a supplier \(supplier rank \d+\) that never bought/);
    await expect(supplier).toContainText("Decided by supplier_only");

    const contact = await simulate(page, "Brandon Freeman", /^Brandon Freeman #\d+ .* of Azure Interior/);
    await expect(contact.getByTestId("simulation-headline")).toHaveText(/^Reaches Mailchimp: audience \w+ by routing rule \d "[^"]+"/);
    await expect(contact).toContainText("Azure Interior (#");
    await expect(contact).toContainText("a company)");
    await expect(contact).toContainText("B2B");
    await expect(contact).toContainText("odoo:b2b");
    await expect(contact).toContainText("credited to its commercial partner, Azure Interior");
    await expect(contact.getByText("The rest of Azure Interior")).toBeVisible();
    // For the README (docs/screenshots/simulator.png is copied from here by hand).
    await page.getByTestId("routing-simulator").screenshot({ path: test.info().outputPath("simulator.png") });
  });

  test("the form edits the policy, shows what would change, and the simulator runs under the edit", async ({ page }) => {
    await page.goto("/settings/policy");
    const form = page.getByTestId("policy-form");
    await expect(page.getByTestId("policy-diff")).toContainText("Nothing: this is the policy in force.");
    await form.getByLabel("A supplier that buys is a customer").uncheck();
    await form.getByLabel("Rule 3 name").fill("Chicago (new audience)");
    await form.getByLabel("Rule 3 audience").fill("");
    await expect(page.getByTestId("policy-issues")).toContainText("routing.rules.2.audienceId");
    await expect(page.getByRole("button", { name: /^Save/ })).toBeDisabled();
    await form.getByLabel("Rule 3 audience").fill("5f1b2c0a99");
    const diff = page.getByTestId("policy-diff");
    await expect(diff).toContainText("eligibility.supplierThatBuysIsCustomer");
    await expect(diff).toContainText("routing.rules.2.name");
    await expect(diff).toContainText("routing.rules.2.audienceId");
    await expect(page.getByRole("button", { name: "Save 3 changes as a new version" })).toBeEnabled();

    // The JSON tab holds the same edit.
    await page.getByRole("tab", { name: "JSON (advanced)" }).click();
    await expect(page.getByLabel("Policy JSON")).toHaveValue(/"name": "Chicago \(new audience\)"/);
    await page.getByRole("tab", { name: "Form" }).click();

    // Brandon Freeman is routed by rule 3 (his company's latest purchase was from Chicago): the edit moves him.
    await simulate(page, "Brandon Freeman", /^Brandon Freeman/);
    const cards = page.getByTestId("simulation");
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText("Saved policy (version");
    await expect(cards.nth(0).getByTestId("simulation-headline")).toContainText('by routing rule 3 "Chicago"');
    await expect(cards.nth(1)).toContainText("Edited policy (not saved)");
    await expect(cards.nth(1).getByTestId("simulation-headline")).toHaveText(/^Reaches Mailchimp: audience 5f1b2c0a99 by routing rule 3 "Chicago \(new audience\)", added as a new transactional member/);

    // For the README (docs/screenshots/policy-form.png is copied from here by hand): the form down to the diff.
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await page.getByRole("heading", { name: /^Sync policy/ }).boundingBox())!;
    const bottom = (await page.getByRole("button", { name: /^Save 3 changes/ }).boundingBox())!;
    await page.screenshot({ path: test.info().outputPath("policy-form.png"), fullPage: true, clip: { x: 0, y: top.y - 16, width: 1280, height: bottom.y + bottom.height + 16 - (top.y - 16) } });
  });

  test("the policy-drop guard asks first: its banner says how many of today's members and which audience, and nothing is saved", async ({ page }) => {
    await page.goto("/settings/policy");
    const { version } = await askToDropSanFranciscoB2C(page, "e2e: not saved");
    // Left without "Save anyway": the same version is in force.
    await page.goto("/settings/policy");
    await expect(page.getByRole("heading", { name: /^Sync policy/ })).toContainText(`version ${version} in force`);
  });
});

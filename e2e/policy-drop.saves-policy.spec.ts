import { askToDropSanFranciscoB2C, SF_B2C } from "./policy-drop";
import { asRole, expect, test } from "./fixtures";

// Settings → Policy's guard against a policy that routes many of today's members nowhere (lib/console/policy-drop.ts):
// "Save anyway" saves. This saves policy versions, which every page naming audiences by their routing rules, the
// simulator and the runs read: the "saves-policy" project runs it after every other spec, and it puts the demo
// policy back. (The banner itself, without saving, is checked in simulator.spec.ts.)

test.describe("policy-drop guard", () => {
  test.use(asRole("admin"));

  test("\"Save anyway\" saves the new version, and the version list shows its diff", async ({ page }) => {
    const heading = page.getByRole("heading", { name: /^Sync policy/ });
    const json = page.getByLabel("Policy JSON");
    const saved = page.getByRole("status").filter({ hasText: "Saved as version" });
    await page.goto("/settings/policy");
    await page.getByRole("tab", { name: "JSON (advanced)" }).click();
    const demoPolicy = await json.inputValue();
    await page.getByRole("tab", { name: "Form" }).click();
    try {
      const { version, changes } = await askToDropSanFranciscoB2C(page, "e2e: drop the San Francisco B2C rule");
      const banner = page.getByTestId("policy-drop");
      await banner.getByRole("button", { name: "Save anyway" }).click();
      await expect(saved).toHaveText(`Saved as version ${version + 1}. The next run uses it.`);
      await expect(banner).toHaveCount(0);
      await expect(heading).toContainText(`version ${version + 1} in force`);
      await expect(page.getByTestId("policy-diff")).toContainText("Nothing: this is the policy in force.");
      // The version list shows the new version with its comment and the same diff.
      const versions = page.locator("aside").filter({ has: page.getByRole("heading", { name: "Versions" }) });
      const newest = versions.getByRole("listitem").filter({ hasText: `v${version + 1} ` });
      await expect(newest).toContainText("e2e: drop the San Francisco B2C rule");
      await newest.getByText(`${changes} change${changes === 1 ? "" : "s"}`).click();
      await expect(newest).toContainText('routing.rules.1.audienceId → "5f1b2c0a03"');
      await page.getByRole("tab", { name: "JSON (advanced)" }).click();
      await expect(json).not.toHaveValue(new RegExp(SF_B2C));
    } finally {
      // The demo policy back, as a version of its own: it drops nobody, so it saves without asking.
      await page.goto("/settings/policy");
      await page.getByRole("tab", { name: "JSON (advanced)" }).click();
      await json.fill(demoPolicy);
      const save = page.getByRole("button", { name: /^Save \d+ changes? as a new version/ });
      if (await save.isEnabled()) {
        await save.click();
        await expect(saved).toContainText("Saved as version");
        await expect(page.getByTestId("policy-diff")).toContainText("Nothing: this is the policy in force.");
      }
    }
  });
});

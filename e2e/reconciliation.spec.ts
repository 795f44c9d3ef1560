import { asRole, expect, test } from "./fixtures";

// The demo business is synced by the global setup, and the worker read Mailchimp back after that full run.
// Here a person edits a member in Mailchimp behind the engine's back; ops finds the gap, opens the record and
// repairs it; marketing reads a verdict for every audience.

const SF_B2B = "5f1b2c0a01";
const mailchimpOrigin = () => new URL(process.env.E2E_MAILCHIMP_URL ?? "http://127.0.0.1:9/3.0").origin;

async function managedMember(): Promise<string> {
  const res = await fetch(`${mailchimpOrigin()}/_emulator/lists/${SF_B2B}/members`);
  const { members } = (await res.json()) as { members: { email_address: string; tags: { name: string }[] }[] };
  const member = members.find((m) => m.tags.some((t) => t.name.startsWith("odoo:")));
  if (!member) throw new Error("the first full sync left no managed member in San Francisco B2B");
  return member.email_address;
}

test.describe("reconciliation on the demo business", () => {
  test.describe("ops", () => {
    test.use(asRole("ops"));

    test("finds a merge field edited in Mailchimp, opens the record and repairs it", async ({ page }) => {
      test.setTimeout(420_000);
      const email = await managedMember();
      // An admin edits the contact in Mailchimp's UI (the emulator's human action): Odoo still says otherwise.
      const edit = await fetch(`${mailchimpOrigin()}/_emulator/lists/${SF_B2B}/members/${encodeURIComponent(email)}/actions/admin`, {
        method: "POST", body: JSON.stringify({ merge_fields: { FNAME: "Edited-In-Mailchimp" } }),
      });
      expect(edit.ok).toBe(true);

      await page.goto("/reconciliation");
      await expect(page.getByText(/Read-back of/)).toBeVisible({ timeout: 60_000 });
      await page.getByRole("button", { name: "Read back now" }).click();
      await page.getByLabel("Gap kind").selectOption("merge_drift");
      const row = page.getByRole("row").filter({ hasText: email });
      await expect(row).toContainText("Edited-In-Mailchimp", { timeout: 90_000 });

      await row.getByRole("link", { name: email }).click();
      await expect(page).toHaveURL(/\/reconciliation\/record\?email=/);
      await expect(page.getByRole("row").filter({ hasText: "FNAME" })).toContainText("Edited-In-Mailchimp");
      await page.getByRole("button", { name: "Repair" }).click();
      await expect(page.getByRole("status")).toContainText("Repair run started");

      // The repair is a targeted run; the read-back that follows it no longer sees the gap.
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole("row").filter({ hasText: "FNAME" })).not.toContainText("Edited-In-Mailchimp", { timeout: 2_000 });
        await expect(page.getByText("Merge-field drift")).toHaveCount(0, { timeout: 2_000 });
      }).toPass({ timeout: 300_000, intervals: [3_000] });
      await expect(page.getByRole("cell", { name: /repair/ }).first()).toBeVisible();
    });
  });

  test.describe("marketing", () => {
    test.use(asRole("marketing"));

    test("sees a send-readiness verdict with its reasons for each of the demo's four audiences", async ({ page }) => {
      await page.goto("/");
      const cards = page.getByTestId("audience-health");
      await expect(cards).toHaveCount(4, { timeout: 30_000 });
      for (const name of ["San Francisco B2B", "San Francisco B2C", "Chicago", "Brussels"]) {
        await expect(cards.filter({ hasText: name })).toContainText(/Ready to send|Send with caution|Not ready/);
      }
      // Marketing reads the gaps but neither starts read-backs nor repairs.
      await page.goto("/reconciliation");
      await expect(page.getByText(/Read-back of/)).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole("button", { name: "Read back now" })).toHaveCount(0);
    });
  });
});

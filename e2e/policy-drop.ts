import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** San Francisco's consumer audience: only the demo policy's rule 2 routes to it. */
export const SF_B2C = "5f1b2c0a02";

/**
 * On Settings → Policy (open, nothing edited): removes rule 2, so SF_B2C's members have nowhere to go, asks to
 * save, and checks the policy-drop guard's banner: how many of today's members, which audience, and that nothing
 * was saved. Returns the version in force and the number of changes the diff showed.
 */
export async function askToDropSanFranciscoB2C(page: Page, comment: string): Promise<{ version: number; changes: number }> {
  const heading = page.getByRole("heading", { name: /^Sync policy/ });
  const version = Number((await heading.textContent())?.match(/version (\d+) in force/)?.[1]);
  expect(version).toBeGreaterThan(0);
  const form = page.getByTestId("policy-form");
  await expect(form.getByLabel("Rule 2 audience")).toHaveValue(SF_B2C);
  await form.getByLabel("Remove rule 2").click();
  const diff = page.getByTestId("policy-diff");
  await expect(diff).toContainText("routing.rules.1.audienceId");
  const changes = Number(await diff.locator("h3 span").textContent());
  expect(changes).toBeGreaterThan(0);
  await page.getByPlaceholder("What changed and why").fill(comment);
  await page.getByRole("button", { name: `Save ${changes} change${changes === 1 ? "" : "s"} as a new version` }).click();

  const banner = page.getByTestId("policy-drop");
  await expect(banner).toBeVisible();
  const text = (await banner.textContent()) ?? "";
  const says = new RegExp(`^This policy routes (\\d+) of today's (\\d+) members nowhere \\(audiences no longer routed: ${SF_B2C}\\)\\. The next run would raise an exception for each\\.`);
  expect(text).toMatch(says);
  const [, dropped, total] = text.match(says) ?? [];
  // Asked because the share is over the guard's 5 % (lib/console/policy-drop.ts); nothing saved yet.
  expect(Number(dropped)).toBeGreaterThan(Number(total) * 0.05);
  expect(Number(dropped)).toBeLessThan(Number(total));
  await expect(heading).toContainText(`version ${version} in force`);
  await expect(page.getByRole("status").filter({ hasText: "Saved as version" })).toHaveCount(0);
  return { version, changes };
}

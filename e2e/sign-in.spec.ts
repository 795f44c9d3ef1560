import { expect, test } from "./fixtures";
import { E2E_USERS } from "./users";

// Bounds for a sign-in (bcrypt, the redirect, a cold render) on a loaded 2-core machine: seen past 20 s at load 30.
const SIGNED_IN = { timeout: 60_000 };

test("a signed-out visitor is sent to sign-in and back to the page they wanted", async ({ page }) => {
  await page.goto("/consent");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fconsent$/);
  await page.getByLabel("Email").fill(E2E_USERS.marketing.email);
  await page.getByLabel("Password").fill(E2E_USERS.marketing.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/consent$/, SIGNED_IN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consent");
});

test("unknown user and wrong password get the same generic error", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody@e2e.bridgeline.test");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const unknown = await page.getByTestId("sign-in-error").textContent();

  await page.getByLabel("Email").fill(E2E_USERS.finance.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(unknown ?? "", SIGNED_IN);
  expect(unknown).toBe("Email or password is incorrect.");
});

test("repeated failures lock the account and the form says for how long", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/signin");
  await page.getByLabel("Email").fill("lockout-target@e2e.bridgeline.test");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Password").fill(`guess-${i}`);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await answered;
  }
  await expect(page.getByTestId("sign-in-error")).toContainText(/Too many attempts\. Try again in \d+ minutes\./);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E_USERS.ops.email);
  await page.getByLabel("Password").fill(E2E_USERS.ops.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toContainText("ops", SIGNED_IN);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/exceptions");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fexceptions$/);
});

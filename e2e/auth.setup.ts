import { ROLES } from "@/lib/auth/roles";
import { expect, test } from "./fixtures";
import { E2E_USERS, storageStatePath } from "./users";

// Signs each role in through the real form once; the console specs reuse the saved sessions.
for (const role of ROLES) {
  test(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E_USERS[role].email);
    await page.getByLabel("Password").fill(E2E_USERS[role].password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // A bound for bcrypt, the redirect and a cold first render on a loaded 2-core machine (seen past 20 s at load 28).
    await expect(page.getByTestId("current-user")).toContainText(role, { timeout: 60_000 });
    await page.context().storageState({ path: storageStatePath(role) });
  });
}

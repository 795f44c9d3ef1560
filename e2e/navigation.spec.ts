import { CONSOLE_PAGES, ROLES, canSee } from "@/lib/auth/roles";
import { asRole, expect, test } from "./fixtures";

for (const role of ROLES) {
  test.describe(`${role}`, () => {
    test.use(asRole(role));

    test("sees exactly the navigation its role may use", async ({ page }) => {
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Console" });
      const expected = CONSOLE_PAGES.filter((p) => canSee(role, p.slug)).map((p) => p.title);
      await expect(nav.getByRole("link")).toHaveText(expected);
    });

    for (const p of CONSOLE_PAGES) {
      const allowed = canSee(role, p.slug);
      test(`${allowed ? "opens" : "gets 403 on"} ${p.title}`, async ({ page }) => {
        const response = await page.goto(p.href);
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
        } else {
          expect(response?.status()).toBe(403);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page is not for your role");
        }
      });
    }
  });
}

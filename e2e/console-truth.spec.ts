import { canSeeContactDetails } from "@/lib/auth/roles";
import { asRole, expect, test } from "./fixtures";

// What the console says about the seeded demo business must be true (issue 10): each page checked with data.

test.describe("marketing", () => {
  test.use(asRole("marketing"));

  test("Runbook: consent flows back by itself, with write-backs and approvals; nothing says it is not live", async ({ page }) => {
    await page.goto("/runbook");
    await expect(page.getByText(/until consent sync is live/i)).toHaveCount(0);
    const consent = page.locator("details").filter({ hasText: "Someone unsubscribed in Mailchimp" });
    await consent.locator("summary").click();
    await expect(consent).toContainText("flow back to Odoo by themselves");
    await expect(consent).toContainText("write-back that adds the address to Odoo's blacklist");
    await expect(page.locator("summary").filter({ hasText: "Consent shows changes waiting for an admin" })).toBeVisible();
    await expect(page.locator("details").filter({ hasText: "Someone is locked out" })).toContainText("every failed one");
  });

  test("Reconciliation reports the last run, and the read-back of Mailchimp that followed it", async ({ page }) => {
    await page.goto("/reconciliation");
    await expect(page.getByText("No sync has run yet")).toHaveCount(0);
    const last = page.getByTestId("last-run");
    await expect(last).toContainText("succeeded");
    await expect(last).toContainText(/[1-9][\d,]* records sent/);
    await expect(page.getByText(/Read-back of/)).toBeVisible({ timeout: 60_000 });
  });
});

test.describe("admin", () => {
  test.use(asRole("admin"));

  test("a finished run's page says what was added, not what would be, and names the partners it left out", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("row").filter({ hasText: "full" }).filter({ hasText: "cli" }).filter({ hasText: "succeeded" }).first().getByRole("link").click();
    await expect(page.getByTestId("plan-sample-new").getByRole("heading")).toHaveText(/^Added \(first \d+\)$/);
    await expect(page.getByText(/would be/i)).toHaveCount(0);
    // Partner 1 is the San Francisco company itself (a res.company partner): said by name, not only by id.
    await expect(page.getByTestId("plan-sample-excluded").getByRole("listitem").filter({ hasText: "partner 1" }).first()).toContainText("My Company (San Francisco)");
  });

  test("Audit lists a failed sign-in with the email tried, where from and why, and people by name", async ({ page, browser }) => {
    const email = `audit-probe-${test.info().workerIndex}-${test.info().repeatEachIndex}@e2e.bridgeline.test`;
    // Signed out: contexts made in a test inherit its storage state unless told otherwise.
    const stranger = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
    const form = await stranger.newPage();
    await form.goto("/signin");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill("not-a-password-anyone-has");
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(form.getByTestId("sign-in-error")).toBeVisible();
    await stranger.close();

    await page.goto("/audit");
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("auth.sign_in_failed");
    await expect(row).toContainText("not signed in");
    await expect(row).toContainText("unknown_account");
    await expect(row).not.toContainText("not-a-password-anyone-has");
    await expect(page.getByRole("row").filter({ hasText: "auth.sign_in" }).filter({ hasText: "E2E admin" }).first()).toBeVisible();
  });
});

test.describe("ops", () => {
  test.use(asRole("ops"));

  test("a run page names its sampled contacts to ops; marketing and finance, who may not see contact details, see none of them", async ({ page, browser }) => {
    await page.goto("/runs");
    await page.getByRole("row").filter({ hasText: "full" }).filter({ hasText: "cli" }).filter({ hasText: "succeeded" }).first().getByRole("link").click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    // The seeding run's samples carry who each one is (lib/auth/roles.ts: CONTACT_DETAIL_ROLES has ops).
    const sample = page.getByTestId("plan-sample-new").getByRole("listitem").filter({ hasText: "@" }).first();
    await expect(sample).toContainText(/partner \d+/);
    const [email, name] = await sample.locator("span").evaluateAll((spans) => spans.slice(0, 2).map((s) => s.textContent ?? ""));
    expect(email).toMatch(/^[^\s@]+@[^\s@]+$/);
    expect(name).not.toBe("");
    expect(name).not.toContain("@");

    // The run pages are admin and ops only; the other roles get a 403 with no sample in it.
    for (const role of ["marketing", "finance"] as const) {
      expect(canSeeContactDetails(role)).toBe(false);
      const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, ...asRole(role) });
      const tab = await other.newPage();
      const res = await tab.goto(runUrl);
      expect(res?.status(), role).toBe(403);
      await expect(tab.getByTestId("current-user")).toContainText(role);
      const shown = (await tab.locator("body").textContent()) ?? "";
      expect(shown, role).not.toContain(email);
      expect(shown, role).not.toContain(name);
      await other.close();
    }
  });

  test("Consent: an unsubscribe in Mailchimp comes back and is shown under its audience's name", async ({ page, request }) => {
    // The worker polls every 30 s in the suite; these bounds are for a loaded 2-core machine, not a speed check.
    test.setTimeout(240_000);
    const mailchimp = (process.env.E2E_MAILCHIMP_URL ?? "").replace(/\/3\.0\/?$/, "");
    const chicago = "5f1b2c0a03";
    const { members } = (await (await request.get(`${mailchimp}/_emulator/lists/${chicago}/members`)).json()) as { members: { email_address: string; status: string }[] };
    const member = members.find((m) => m.status === "transactional");
    expect(member, "the first sync put transactional members in the Chicago audience").toBeDefined();
    const email = member!.email_address;
    expect((await request.post(`${mailchimp}/_emulator/lists/${chicago}/members/${encodeURIComponent(email)}/actions/unsubscribe`, { data: {} })).ok()).toBe(true);

    const event = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "unsubscribe" });
    await expect(async () => {
      await page.goto("/consent");
      await expect(event.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 200_000, intervals: [5_000] });
    await expect(event.first()).toContainText("Chicago");
    await expect(event.first()).toContainText(chicago);
  });
});

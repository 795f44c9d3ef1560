import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "@/e2e/browser";
const [base, email, password, ...shots] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(`${base}/signin`);
await page.getByLabel("Email").fill(email!);
await page.getByLabel("Password").fill(password!);
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.getByTestId("current-user").waitFor();
for (const shot of shots) {
  const [path, file, action] = shot.split("|");
  await page.goto(`${base}${path}`);
  if (action === "readback") { await page.getByRole("button", { name: "Read back now" }).click(); await page.waitForTimeout(8000); await page.reload(); }
  await page.waitForTimeout(3000);
  await page.screenshot({ path: file!, fullPage: true });
  console.log("shot", file);
}
await browser.close();

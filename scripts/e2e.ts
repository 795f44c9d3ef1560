/**
 * `npm run test:e2e`: builds the console when the build is missing or stale, makes sure a Chromium is
 * there (Debian's package, or Playwright's download where the internet is reachable), then runs Playwright.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { SYSTEM_CHROMIUM } from "@/e2e/browser";
import { buildIsFresh, runNextBuild } from "./lib/next-server";

function hasBrowser(): boolean {
  return existsSync(SYSTEM_CHROMIUM) || existsSync(chromium.executablePath());
}

if (!hasBrowser()) {
  console.log("No system Chromium at /usr/bin/chromium; trying `npx playwright install chromium`…");
  spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit" });
  if (!hasBrowser()) {
    console.error(
      "The end-to-end tests need Chromium. Install Debian's package (`sudo apt-get install -y chromium`) or run " +
        "`npx playwright install chromium` with internet access, then run the tests again.",
    );
    process.exit(1);
  }
}

if (!buildIsFresh()) await runNextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });

const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);

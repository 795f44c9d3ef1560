import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "./e2e/browser";

// The built app (`next build`, run by scripts/e2e.ts) is started by e2e/global-setup.ts on its own database.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    launchOptions: { executablePath: resolveChromium(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    {
      name: "console",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["sign-in"],
    },
  ],
});

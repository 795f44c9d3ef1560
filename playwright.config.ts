import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "./e2e/browser";

// The built app (`next build`, run by scripts/e2e.ts) is started by e2e/global-setup.ts on its own database.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Bounds, not speed checks: generous enough for a 2-core machine with another CPU-heavy process beside it
  // (bcrypt sign-ins and first renders of a cold server take seconds there).
  timeout: 90_000,
  expect: { timeout: 20_000 },
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
      testIgnore: [/.*\.runs\.spec\.ts/, /.*\.saves-policy\.spec\.ts/],
      dependencies: ["sign-in"],
    },
    // Specs that start whole runs go after the rest: one run at a time, and the console specs start their own.
    {
      name: "runs",
      testMatch: /.*\.runs\.spec\.ts/,
      dependencies: ["console"],
    },
    // Specs that save policy versions go last, alone: while an edited version is in force, every page that names
    // audiences by their routing rules, the simulator and the runs would see it.
    {
      name: "saves-policy",
      testMatch: /.*\.saves-policy\.spec\.ts/,
      dependencies: ["runs"],
    },
  ],
});

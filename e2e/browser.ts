import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the end-to-end suite drives: the system one (Debian's `chromium` package) when present,
 * else Playwright's own download if `npx playwright install chromium` fetched one. Never a silent skip.
 */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function resolveChromium(): string {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    "No Chromium for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium` on a machine with internet access.",
  );
}

/** Flags for a locked-down machine: no sandbox as root, no GPU, and no background calls to Google. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

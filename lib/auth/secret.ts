import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

/**
 * The key that signs session tokens. Production must set NEXTAUTH_SECRET (lib/env refuses to start
 * without it). Elsewhere one is generated once and kept under .data/ so sessions survive restarts.
 */
export function resolveAuthSecret(): string {
  const env = getEnv();
  const configured = env.NEXTAUTH_SECRET;
  if (configured) return configured;
  const dataDir = path.resolve(env.BRIDGELINE_DATA_DIR);
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs, so both sign the same tokens.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}

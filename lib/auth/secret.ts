import path from "node:path";
import { getEnv } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/read-or-create-secret";

/**
 * The key that signs session tokens. Production must set NEXTAUTH_SECRET (lib/env refuses to start
 * without it). Elsewhere one is generated once and kept under .data/ so sessions survive restarts.
 */
export function resolveAuthSecret(): string {
  const env = getEnv();
  return env.NEXTAUTH_SECRET || readOrCreateSecret(path.join(path.resolve(env.BRIDGELINE_DATA_DIR), "nextauth-secret"));
}

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded database under
 * BRIDGELINE_DATA_DIR when unset). Safe to run any number of times, from several machines at once.
 */
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { getEnv } from "@/lib/env";

const env = getEnv();
const embedded = env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(env.BRIDGELINE_DATA_DIR, "postgres") });
try {
  const result = await migrate(env.DATABASE_URL ?? embedded!.url);
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied earlier).`,
  );
} finally {
  await embedded?.stop();
}

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded database under
 * BRIDGELINE_DATA_DIR when unset, attached to when another process runs it). Safe to run any number of times,
 * from several machines at once.
 */
import { migrate } from "@/lib/db/migrate";
import { appDatabaseOptions, openDatabase } from "@/lib/db/provision";

const db = await openDatabase(appDatabaseOptions());
try {
  const result = await migrate(db.url);
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied earlier).`,
  );
} finally {
  await db.stop();
}

/**
 * `npm start`: the console in production shape. Uses DATABASE_URL when set; otherwise the embedded Postgres
 * under BRIDGELINE_DATA_DIR (default .data/), attached to when another process runs it. Migrates, then serves
 * the built app on PORT.
 */
import { appDatabaseOptions, describeDatabase, provisionDatabase } from "@/lib/db/provision";
import { getEnv } from "@/lib/env";
import { onShutdown, shutdown, shutdownWhenLost } from "./lib/lifecycle";
import { startNextServer } from "./lib/next-server";

async function main() {
  const env = getEnv();
  const db = await provisionDatabase(appDatabaseOptions(env));
  onShutdown(db.stop);
  console.log(describeDatabase(db));
  const server = await startNextServer({
    port: env.PORT,
    env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` },
  });
  onShutdown(server.stop);
  shutdownWhenLost(server.child, "The console", db.embedded && !db.attachedTo ? "the embedded Postgres" : "");
  console.log(`Bridgeline console on ${server.url}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});

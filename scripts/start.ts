/**
 * `npm start`: the console in production shape. Uses DATABASE_URL when set; otherwise starts the embedded
 * Postgres under BRIDGELINE_DATA_DIR (default .data/). Migrates, then serves the built app on PORT.
 */
import path from "node:path";
import { provisionDatabase } from "@/lib/db/provision";
import { getEnv } from "@/lib/env";
import { onShutdown, shutdown } from "./lib/lifecycle";
import { startNextServer } from "./lib/next-server";

async function main() {
  const env = getEnv();
  const db = await provisionDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.join(env.BRIDGELINE_DATA_DIR, "postgres"),
  });
  onShutdown(db.stop);
  console.log(db.embedded ? `Embedded Postgres on ${new URL(db.url).host}` : "Using DATABASE_URL");
  const server = await startNextServer({
    port: env.PORT,
    env: { ...process.env, DATABASE_URL: db.url, NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` },
  });
  onShutdown(server.stop);
  server.child.once("exit", (code) => void shutdown(code ?? 1));
  console.log(`Bridgeline console on ${server.url}`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});

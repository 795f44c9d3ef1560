import { rm } from "node:fs/promises";
import path from "node:path";
import { createUser } from "@/lib/auth/users";
import { ROLES } from "@/lib/auth/roles";
import { createPrisma } from "@/lib/db/client";
import { startEmbeddedPostgresProcess } from "@/lib/db/embedded-process";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";
import { getEnv } from "@/lib/env";
import { startNextServer } from "@/scripts/lib/next-server";
import { E2E_USERS } from "./users";

/**
 * Runs the built console against a database of its own: a fresh database on DATABASE_URL's server, or an
 * embedded Postgres for this run only. Creates one user per role and exports the URL to the tests.
 */
export default async function globalSetup() {
  const env = getEnv();
  const dataDir = path.resolve(env.BRIDGELINE_DATA_DIR, `e2e-${process.pid}`);
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgresProcess({ dataDir: path.join(dataDir, "postgres"), ephemeral: true, database: "postgres" });
  const db = await createScratchDatabase(env.DATABASE_URL ?? embedded!.url, `bridgeline_e2e_${process.pid}`);
  await migrate(db.url);

  const prisma = createPrisma(db.url);
  for (const role of ROLES) await createUser(prisma, { ...E2E_USERS[role], name: `E2E ${role}`, role });
  await prisma.$disconnect();

  const port = 3100 + (process.pid % 500);
  const logs: string[] = [];
  const server = await startNextServer({
    port,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      BRIDGELINE_MODE: "test",
      BRIDGELINE_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
    log: (line) => logs.push(line),
  }).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${logs.join("\n")}`);
  });
  process.env.E2E_BASE_URL = server.url;

  return async () => {
    await server.stop();
    await db.drop();
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

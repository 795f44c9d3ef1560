import { appendFileSync, mkdirSync } from "node:fs";
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
import { startDemoBusiness } from "./seed-demo-business";
import { E2E_USERS } from "./users";

/**
 * Runs the built console against a database of its own (a fresh database on DATABASE_URL's server, or an
 * embedded Postgres for this run only), seeded with the demo's business: the Odoo and Mailchimp emulators, the
 * demo policy, a worker process and a first full sync, so the pages are tested with data. Creates one user per
 * role and exports the URLs to the tests (E2E_BASE_URL, E2E_ODOO_URL, E2E_MAILCHIMP_URL).
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

  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const business = await startDemoBusiness(db.url, log);
  const port = 3100 + (process.pid % 500);
  mkdirSync(dataDir, { recursive: true });
  const serverLog = path.join(dataDir, "console-server.log");
  const fail = (error: unknown): never => {
    throw new Error(`${(error as Error).message}\n${logs.slice(-80).join("\n")}`);
  };
  const server = await startNextServer({
    port,
    env: {
      ...process.env,
      ...business.env,
      BRIDGELINE_MODE: "test",
      BRIDGELINE_DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
    // Also kept in a file, so specs can read what the server logged (hardening.spec.ts: no stack traces on bad input).
    log: (line) => {
      log(line);
      appendFileSync(serverLog, `${line}\n`);
    },
  }).catch(fail);
  await business.startWorker().catch(fail);
  const summary = await business.runFullSync().catch(fail);
  console.log(`e2e: demo business seeded, first full sync ${JSON.stringify(summary)}`);

  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_SERVER_LOG = serverLog;
  // The Postgres server, for specs that need a console of their own (database-outage.spec.ts).
  process.env.E2E_DATABASE_SERVER_URL = env.DATABASE_URL ?? embedded!.url;
  process.env.E2E_ODOO_URL = business.emulators.odoo.url;
  process.env.E2E_MAILCHIMP_URL = business.emulators.mailchimp.url;

  return async () => {
    await server.stop();
    await business.stop();
    await db.drop();
    await embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

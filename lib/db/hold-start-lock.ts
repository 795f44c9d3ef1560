import fs from "node:fs/promises";
import path from "node:path";
import { processAlive } from "@/lib/process-alive";

/**
 * Runs `start` while holding <dataDir>/start.lock, so only one process at a time initialises, checks and starts
 * the cluster on a data directory. Without it two processes starting at once (the demo and a CLI, two test
 * workers) both saw no postmaster.pid: both ran initdb ("directory exists but is not empty"), or the second
 * removed the pid file the first postmaster had just written, started a second postmaster that failed, and took
 * the shared pid file with it, leaving a running cluster nobody could attach to (CI, stop 18).
 *
 * The lock is a file created exclusively (O_EXCL) holding the owner's pid. A lock whose pid is dead is what a
 * process killed mid-start leaves behind: it is removed and taken.
 */
export async function holdStartLock<T>(dataDir: string, start: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const lock = path.join(path.resolve(dataDir), "start.lock");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryCreate(lock)) break;
    if (Date.now() > deadline) {
      throw new Error(`Another process has been starting the embedded Postgres on ${dataDir} for ${timeoutMs / 1000} s (${lock}); remove that file if no Bridgeline process runs.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await start();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function tryCreate(lock: string): Promise<boolean> {
  try {
    await fs.writeFile(lock, `${process.pid}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const owner = Number((await fs.readFile(lock, "utf8").catch(() => "")).trim());
  // An empty file is an owner between creating and writing it: wait. A dead owner's lock is stale.
  if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) await fs.rm(lock, { force: true });
  return false;
}

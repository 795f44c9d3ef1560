import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedPostgres, type OpenedEmbeddedDatabase } from "@/lib/db/open-embedded";
import { clusterDir, readRunningCluster } from "@/lib/db/running-cluster";
import { buildDemoPolicy } from "@/lib/sync/policy";

/**
 * The embedded default beside a running console: a second process attaches to the cluster the first runs on
 * the data directory instead of failing, stops nothing it did not start, and starts the cluster when none runs.
 * Real clusters (in child processes, as every CLI runs them), on a data directory of this file's own.
 */
const base = path.resolve(".data", `attach-test-${process.pid}`);
const dataDir = path.join(base, "postgres");
const opened: OpenedEmbeddedDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.stop();
  rmSync(base, { recursive: true, force: true });
});

async function open(): Promise<OpenedEmbeddedDatabase> {
  const db = await openEmbeddedPostgres({ dataDir });
  opened.push(db);
  return db;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one === 1;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A CLI as a person runs it: no DATABASE_URL, the data directory above. */
async function cli(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _unset, ...env } = process.env;
  const run = promisify(execFile)("npx", ["tsx", script, ...args], { env: { ...env, BRIDGELINE_DATA_DIR: base, LOG_LEVEL: "warn" } });
  return run.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("openEmbeddedPostgres", () => {
  it("starts the cluster when none runs, and a second process attaches to it and leaves it running", async () => {
    const owner = await open();
    expect(owner.attachedTo).toBeUndefined();
    const running = await readRunningCluster(dataDir);
    expect(running).toMatchObject({ port: owner.port, ready: true });

    const guest = await open();
    expect(guest).toMatchObject({ attachedTo: running?.pid, port: owner.port, url: owner.url });
    expect(await answers(guest.url)).toBe(true);
    await guest.stop();
    expect(await answers(owner.url)).toBe(true);

    await owner.stop();
    expect(await readRunningCluster(dataDir)).toBeUndefined();
    expect(await answers(owner.url)).toBe(false);
  }, 120_000);

  it("starts over a pid file a crash left behind", async () => {
    const dead = await new Promise<number>((resolve) => {
      const child = execFile("true");
      child.once("exit", () => resolve(child.pid as number));
    });
    writeFileSync(path.join(clusterDir(dataDir), "postmaster.pid"), `${dead}\n${clusterDir(dataDir)}\n0\n54329\n\n127.0.0.1\n0\nready\n`);
    const db = await open();
    expect(db.attachedTo).toBeUndefined();
    expect(await answers(db.url)).toBe(true);
    await db.stop();
  }, 120_000);

  it("settles two processes starting at once, from an empty data directory on: one starts the cluster, the other attaches", async () => {
    // Its own data directory, so the first round races initdb too ("directory exists but is not empty" before
    // the start lock); the later rounds race the start of an existing cluster (CI, stop 18: the loser removed
    // the winner's postmaster.pid, and nobody could attach to the running cluster after).
    const raceDir = path.join(base, "race");
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([openEmbeddedPostgres({ dataDir: raceDir }), openEmbeddedPostgres({ dataDir: raceDir })]);
      opened.push(a, b);
      expect([a.attachedTo === undefined, b.attachedTo === undefined].sort()).toEqual([false, true]);
      expect(a.port).toBe(b.port);
      expect(await readRunningCluster(raceDir)).toMatchObject({ port: a.port, ready: true });
      expect(await answers(a.url)).toBe(true);
      await a.stop();
      await b.stop();
      expect(await readRunningCluster(raceDir)).toBeUndefined();
    }
  }, 240_000);
});

describe("two data directories", () => {
  it("start at once, both wanting the default port: one gets it, the other a free port (two checkouts side by side)", async () => {
    // The default port was free when each probed it, and only one Postgres could bind it (r5, this session: 3 failed
    // starts in 8 rounds of this race before the retry on a free port).
    const dirs = [path.join(base, "side-a"), path.join(base, "side-b")];
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all(dirs.map((dataDir) => openEmbeddedPostgres({ dataDir })));
      opened.push(a!, b!);
      expect(a!.port).not.toBe(b!.port);
      expect(await answers(a!.url)).toBe(true);
      expect(await answers(b!.url)).toBe(true);
      await a!.stop();
      await b!.stop();
    }
  }, 240_000);
});

describe("CLIs on the embedded database", () => {
  it("import, export and migrate against the cluster another process runs, and leave it running", async () => {
    const owner = await open();
    const before = await readRunningCluster(dataDir);
    const file = path.join(base, "policy.json");
    writeFileSync(file, JSON.stringify(buildDemoPolicy({ sf_b2b: "a1", sf_b2c: "a2", chicago: "a3", brussels: "a4" })));

    const imported = await cli("scripts/config.ts", "import", file);
    expect(imported, imported.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining("Saved policy version 1") });
    const exported = await cli("scripts/config.ts", "export", path.join(base, "out.json"));
    expect(exported, exported.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining("Exported policy version 1") });
    expect((await cli("scripts/migrate.ts")).stdout).toMatch(/Database is up to date/);

    expect(await readRunningCluster(dataDir)).toEqual(before);
    expect(await answers(owner.url)).toBe(true);
    await owner.stop();
  }, 180_000);

  it("start the cluster when none runs and stop it when done", async () => {
    expect(await readRunningCluster(dataDir)).toBeUndefined();
    const exported = await cli("scripts/config.ts", "export", path.join(base, "again.json"));
    // The policy saved through the other process is still there: same cluster, same data directory.
    expect(exported, exported.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining("Exported policy version 1") });
    expect(await readRunningCluster(dataDir)).toBeUndefined();
  }, 120_000);
});

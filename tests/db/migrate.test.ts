import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";

async function emptyDatabase() {
  return createScratchDatabase(inject("databaseServerUrl"), `bridgeline_m_${Math.random().toString(36).slice(2, 10)}`);
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("applies every migration once and is a no-op the second time", async () => {
    const db = await emptyDatabase();
    const first = await migrate(db.url);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(db.url);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await count(db.url, "SELECT count(*) AS n FROM _prisma_migrations")).toBe(first.applied.length);
    await db.drop();
  });

  it("serialises concurrent runners with the advisory lock (each migration applied exactly once)", async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    const expected = await count(db.url, "SELECT count(*) AS n FROM _prisma_migrations");
    expect(appliedTotal).toBe(expected);
    expect(await count(db.url, "SELECT count(DISTINCT migration_name) AS n FROM _prisma_migrations")).toBe(expected);
    await db.drop();
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const db = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "bl-mig-"));
    await mkdir(path.join(dir, "20260101000000_one"));
    await writeFile(path.join(dir, "20260101000000_one", "migration.sql"), "CREATE TABLE t (id int);");
    await migrate(db.url, dir);
    await writeFile(path.join(dir, "20260101000000_one", "migration.sql"), "CREATE TABLE t (id bigint);");
    await expect(migrate(db.url, dir)).rejects.toThrow(/edited after it was applied/);
    await db.drop();
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const db = await emptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "bl-mig-"));
    await mkdir(path.join(dir, "20260101000000_bad"));
    await writeFile(path.join(dir, "20260101000000_bad", "migration.sql"), "CREATE TABLE ok (id int); SELECT nope;");
    await expect(migrate(db.url, dir)).rejects.toThrow(/20260101000000_bad failed/);
    expect(await count(db.url, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ok'")).toBe(0);
    expect(await count(db.url, "SELECT count(*) AS n FROM _prisma_migrations")).toBe(0);
    await db.drop();
  });

  it("reads the project's migrations in Prisma's folder layout", () => {
    expect(MIGRATIONS_DIR.endsWith(path.join("prisma", "migrations"))).toBe(true);
  });
});

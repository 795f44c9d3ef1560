import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrisma } from "@/lib/db/client";
import { createScratchDatabase } from "@/lib/db/scratch";

/**
 * A fresh, migrated database for the calling test file, cloned from the run's template and dropped when
 * the file's tests finish. Real Postgres, never a mock.
 */
export async function useTestDatabase(options: { asProcessDefault?: boolean } = {}) {
  const name = `bridgeline_t_${randomBytes(5).toString("hex")}`;
  const db = await createScratchDatabase(inject("databaseServerUrl"), name, inject("templateDatabase"));
  const prisma = createPrisma(db.url);
  // Code that calls getPrisma() (console queries, server-action bodies) then uses this file's database.
  if (options.asProcessDefault) (globalThis as { bridgelinePrisma?: unknown }).bridgelinePrisma = prisma;
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });
  return { url: db.url, prisma, serverUrl: inject("databaseServerUrl") };
}

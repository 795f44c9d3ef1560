import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

/**
 * One Prisma client per process, on the pg driver adapter (no native query engine). Next's dev server
 * reloads modules, so the instance is parked on globalThis to avoid leaking pools.
 */
const globalForPrisma = globalThis as unknown as { bridgelinePrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.bridgelinePrisma) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run demo`, which provide one.");
    }
    globalForPrisma.bridgelinePrisma = createPrisma(url);
  }
  return globalForPrisma.bridgelinePrisma;
}

export function createPrisma(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

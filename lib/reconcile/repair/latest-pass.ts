import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The pass the console shows and repairs act on: the newest that succeeded (a running one never hides it). */
export async function latestPass(prisma: PrismaClient) {
  return prisma.reconcilePass.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" } });
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parsePolicy } from "./parse-policy";
import type { Policy } from "./schema";

/**
 * The highest saved version, re-validated on read: defaults added since it was saved are filled in, and a
 * row that no longer validates fails loudly here rather than half-applying in a run.
 */
export async function getActivePolicy(prisma: PrismaClient): Promise<{ version: number; policy: Policy } | null> {
  const row = await prisma.policyVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return null;
  return { version: row.version, policy: parsePolicy(row.policy) };
}

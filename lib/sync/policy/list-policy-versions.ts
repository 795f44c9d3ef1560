import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface PolicyVersionInfo {
  version: number;
  comment: string | null;
  createdById: string | null;
  createdAt: Date;
}

/** Newest first, without the policy bodies (the console lists them; getActivePolicy reads one). */
export async function listPolicyVersions(prisma: PrismaClient): Promise<PolicyVersionInfo[]> {
  return prisma.policyVersion.findMany({
    orderBy: { version: "desc" },
    select: { version: true, comment: true, createdById: true, createdAt: true },
  });
}

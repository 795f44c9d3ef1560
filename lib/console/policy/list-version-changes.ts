import type { PrismaClient } from "@/lib/generated/prisma/client";
import { policySchema } from "@/lib/sync/policy/schema";
import { diffPolicies, type PolicyChange } from "./diff-policy";

export interface PolicyVersionChanges {
  version: number;
  comment: string | null;
  createdAt: Date;
  /** Against the version before it; the first version is all "added". */
  changes: PolicyChange[];
}

/**
 * The latest versions, newest first, each with what it changed. Bodies are compared with today's defaults
 * filled in, so a default added to the schema since is not shown as a change someone made.
 */
export async function listVersionChanges(prisma: PrismaClient, limit = 20): Promise<PolicyVersionChanges[]> {
  const rows = await prisma.policyVersion.findMany({ orderBy: { version: "desc" }, take: limit + 1, select: { version: true, comment: true, createdAt: true, policy: true } });
  const full = (body: unknown) => {
    const parsed = policySchema.safeParse(body);
    return parsed.success ? parsed.data : body;
  };
  return rows.slice(0, limit).map((row, i) => {
    const previous = rows[i + 1];
    return { version: row.version, comment: row.comment, createdAt: row.createdAt, changes: diffPolicies(previous ? full(previous.policy) : {}, full(row.policy)) };
  });
}

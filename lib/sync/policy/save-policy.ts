import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { parsePolicy, PolicyValidationError } from "./parse-policy";

export interface SavePolicyOptions {
  actorId?: string;
  comment?: string;
}

const MAX_ATTEMPTS = 5;

/**
 * Validates and inserts version max+1 (never an update: runs record the version they planned with). Two
 * concurrent saves race for the same number; the primary key refuses the loser, which simply retries.
 */
export async function savePolicy(prisma: PrismaClient, input: unknown, opts: SavePolicyOptions = {}): Promise<number> {
  const policy = parsePolicy(input);
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const top = await tx.policyVersion.aggregate({ _max: { version: true } });
        const version = (top._max.version ?? 0) + 1;
        await tx.policyVersion.create({
          data: { version, policy: policy as unknown as Prisma.InputJsonValue, comment: opts.comment ?? null, createdById: opts.actorId ?? null },
        });
        await tx.auditEvent.create({
          data: { actorId: opts.actorId ?? null, action: "policy.saved", target: `policy:${version}`, detail: { version, comment: opts.comment ?? null } },
        });
        return version;
      });
    } catch (err) {
      const conflict = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
      if (!conflict || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

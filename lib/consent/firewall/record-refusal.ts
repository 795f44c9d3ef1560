import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkMemberWrite, type FirewallDecision, type IntendedMemberWrite } from "../firewall";
import { normalizeEmail } from "../types";

export interface RefusalContext {
  audienceId: string;
  email: string;
  partnerIds?: number[];
  runId?: string;
}

/**
 * A refused write is an open sync_exceptions row (kind consent_refused), one per address and rule, so ops see it
 * in the exception queue and marketing sees it on the Consent page. Repeats only bump the count.
 */
export async function recordRefusal(
  prisma: PrismaClient,
  ctx: RefusalContext,
  write: IntendedMemberWrite,
  decision: Extract<FirewallDecision, { allow: false }>,
): Promise<void> {
  const email = normalizeEmail(ctx.email);
  const fingerprint = `consent_refused:${ctx.audienceId}:${email}:${decision.code}`;
  const detail = {
    code: decision.code,
    reason: decision.reason,
    kind: write.kind,
    knownStatus: write.knownStatus,
    memberExists: write.memberExists,
    // Field names only: the body may carry personal data that does not belong in an exception.
    fields: Object.keys(write.body),
    status: typeof write.body.status === "string" ? write.body.status : null,
    statusIfNew: typeof write.body.status_if_new === "string" ? write.body.status_if_new : null,
  };
  await prisma.syncException.upsert({
    where: { fingerprint },
    create: {
      kind: "consent_refused",
      fingerprint,
      audienceId: ctx.audienceId,
      email,
      partnerIds: ctx.partnerIds ?? [],
      detail,
      ...(ctx.runId ? { firstRunId: ctx.runId, lastRunId: ctx.runId } : {}),
    },
    update: { occurrences: { increment: 1 }, detail, lastSeenAt: new Date(), status: "open", resolvedAt: null, ...(ctx.runId ? { lastRunId: ctx.runId } : {}) },
  });
}

/** checkMemberWrite plus the record: what the runtime calls before sending each member write. */
export async function guardMemberWrite(prisma: PrismaClient, ctx: RefusalContext, write: IntendedMemberWrite): Promise<FirewallDecision> {
  const decision = checkMemberWrite(write);
  if (!decision.allow) await recordRefusal(prisma, ctx, write, decision);
  return decision;
}

import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPassQueue } from "@/lib/reconcile/run/env-queue";
import { requestPass } from "@/lib/reconcile/run/request-pass";
import { RepairRefusedError, requestRepair, type RepairInput } from "@/lib/reconcile/repair/request-repair";
import { RunConflictError } from "@/lib/sync/run/errors";
import { getRunQueue } from "@/lib/sync/run/env-queue";
import type { RunQueue } from "@/lib/sync/run/queue";

/** What ops and admins start from the Reconciliation page; every start is in the audit log. */
export async function startPassFromConsole(actor: SignedInUser) {
  const { passId, created } = await requestPass(getPrisma(), { trigger: "console", requestedById: actor.id }, await getPassQueue());
  if (created) await getPrisma().auditEvent.create({ data: { actorId: actor.id, action: "reconcile.requested", target: `pass:${passId}` } });
  return { passId, created };
}

/** The database and run queue default to the process's (tests hand in their own). */
export async function repairFromConsole(
  input: Omit<RepairInput, "requestedById">,
  actor: SignedInUser,
  deps: { prisma: PrismaClient; queue: () => Promise<RunQueue> } = { prisma: getPrisma(), queue: getRunQueue },
) {
  const { prisma } = deps;
  try {
    const result = await requestRepair(prisma, { ...input, requestedById: actor.id }, await deps.queue());
    // Runs (member and order repairs) are audited by their id, so the entry leads to what the repair wrote.
    const target = "runId" in result ? `run:${result.runId}` : input.email ? `record:${input.email}` : `gaps:${input.kind}`;
    const detail = {
      kind: input.kind, route: result.route, ...(input.email ? { email: input.email } : {}), ...(input.audienceId ? { audienceId: input.audienceId } : {}),
      ...(input.subject ? { order: input.subject } : {}),
    };
    await prisma.auditEvent.create({ data: { actorId: actor.id, action: "reconcile.repair", target, detail } });
    return result;
  } catch (error) {
    if (error instanceof RepairRefusedError) throw new ApiError(409, "repair_refused", error.message);
    if (error instanceof RunConflictError) throw new ApiError(409, "run_active", "A sync run is in progress: repair once it has finished.");
    throw error;
  }
}

import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { getPassQueue } from "@/lib/reconcile/run/env-queue";
import { requestPass } from "@/lib/reconcile/run/request-pass";
import { RepairRefusedError, requestRepair, type RepairInput } from "@/lib/reconcile/repair/request-repair";
import { RunConflictError } from "@/lib/sync/run/errors";
import { getRunQueue } from "@/lib/sync/run/env-queue";

/** What ops and admins start from the Reconciliation page; every start is in the audit log. */
export async function startPassFromConsole(actor: SignedInUser) {
  const { passId, created } = await requestPass(getPrisma(), { trigger: "console", requestedById: actor.id }, await getPassQueue());
  if (created) await getPrisma().auditEvent.create({ data: { actorId: actor.id, action: "reconcile.requested", target: `pass:${passId}` } });
  return { passId, created };
}

export async function repairFromConsole(input: Omit<RepairInput, "requestedById">, actor: SignedInUser) {
  try {
    const result = await requestRepair(getPrisma(), { ...input, requestedById: actor.id }, await getRunQueue());
    const target = result.route === "resync" ? `run:${result.runId}` : input.email ? `record:${input.email}` : `gaps:${input.kind}`;
    const detail = { kind: input.kind, ...(input.email ? { email: input.email } : {}), ...(input.audienceId ? { audienceId: input.audienceId } : {}), route: result.route };
    await getPrisma().auditEvent.create({ data: { actorId: actor.id, action: "reconcile.repair", target, detail } });
    return result;
  } catch (error) {
    if (error instanceof RepairRefusedError) throw new ApiError(409, "repair_refused", error.message);
    if (error instanceof RunConflictError) throw new ApiError(409, "run_active", "A sync run is in progress: repair once it has finished.");
    throw error;
  }
}

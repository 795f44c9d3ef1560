import { z } from "zod";
import type PgBoss from "pg-boss";
import { ApiError } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { bossQueue, cancelRun, pauseRun, requestRun, resumeRun, startBoss } from "@/lib/sync/run";
import { RunConflictError, RunNotFoundError, RunStateError } from "@/lib/sync/run/errors";

/**
 * What an admin can do to runs from the console. The console process only sends jobs: it keeps one
 * pg-boss client for that (no supervision, no workers), started on first use.
 */
const globalForBoss = globalThis as unknown as { bridgelineBoss?: Promise<PgBoss> };

function queue() {
  globalForBoss.bridgelineBoss ??= startBoss(getEnv().DATABASE_URL!, {}, { supervise: false });
  return globalForBoss.bridgelineBoss.then(bossQueue);
}

export const requestRunInput = z.object({ mode: z.enum(["full", "incremental"]), dryRun: z.boolean().default(false) });
export const runIdInput = z.object({ runId: z.uuid(), action: z.enum(["pause", "resume", "cancel"]) });

async function audit(actor: SignedInUser, action: string, runId: string, detail: Record<string, string | boolean> = {}) {
  await getPrisma().auditEvent.create({ data: { actorId: actor.id, action, target: `run:${runId}`, detail } });
}

export async function startRunFromConsole(input: z.output<typeof requestRunInput>, actor: SignedInUser) {
  try {
    const { runId } = await requestRun(getPrisma(), { ...input, trigger: "console", requestedById: actor.id }, await queue());
    await audit(actor, "run.requested", runId, { mode: input.mode, dryRun: input.dryRun });
    return { runId };
  } catch (error) {
    if (error instanceof RunConflictError) throw new ApiError(409, "run_active", "Another run is in progress; wait for it or cancel it.");
    throw error;
  }
}

const CONTROL_AUDIT = { pause: "run.paused", resume: "run.resumed", cancel: "run.cancelled" } as const;

export async function controlRunFromConsole(input: z.output<typeof runIdInput>, actor: SignedInUser) {
  const prisma = getPrisma();
  try {
    if (input.action === "pause") await pauseRun(prisma, input.runId);
    else if (input.action === "resume") await resumeRun(prisma, input.runId, await queue());
    else await cancelRun(prisma, input.runId);
  } catch (error) {
    if (error instanceof RunNotFoundError) throw new ApiError(404, "not_found", "No such run.");
    if (error instanceof RunStateError) throw new ApiError(409, "state", error.message);
    throw error;
  }
  await audit(actor, CONTROL_AUDIT[input.action], input.runId);
  return { runId: input.runId };
}

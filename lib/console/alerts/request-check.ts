import type { SignedInUser } from "@/lib/auth/authorize";
import { requestAlertCheck } from "@/lib/alerts/check-job";
import { getPrisma } from "@/lib/db/client";
import { getQueueBoss } from "@/lib/sync/run/env-queue";

/** "Check now": queues the scheduled check (diagnosis included) for a worker; audited like other console actions. */
export async function requestCheck(_input: Record<string, never>, actor: SignedInUser) {
  const jobId = await requestAlertCheck(await getQueueBoss());
  await getPrisma().auditEvent.create({ data: { actorId: actor.id, action: "alert.check_requested", target: "alerts" } });
  return { queued: jobId !== null };
}

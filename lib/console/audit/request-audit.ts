import { requestAudit } from "@/lib/audit/audit-job";
import type { SignedInUser } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { getQueueBoss } from "@/lib/sync/run/env-queue";

/** "Run audit": queues the audit for a worker (one waiting at most); audited like other console actions. */
export async function requestAuditRun(_input: Record<string, never>, actor: SignedInUser) {
  const jobId = await requestAudit(await getQueueBoss());
  await getPrisma().auditEvent.create({ data: { actorId: actor.id, action: "audit.requested", target: "integration-audit" } });
  return { queued: jobId !== null };
}

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FAILING_AFTER_ATTEMPTS, type ConsentSignals } from "./decide-consent-alerts";

export async function readConsentSignals(prisma: PrismaClient): Promise<ConsentSignals> {
  const [w] = await prisma.$queryRaw<Array<{ failing: number; last_error: string | null }>>`
    SELECT count(*)::int AS failing, (array_agg(w.last_error ORDER BY w.id DESC))[1] AS last_error
    FROM consent_writebacks w LEFT JOIN consent_approvals a ON a.id = w.approval_id
    WHERE (w.status = 'failed' AND (a.status IS NULL OR a.status <> 'rejected'))
       OR (w.status = 'pending' AND w.attempts >= ${FAILING_AFTER_ATTEMPTS})`;
  const [a] = await prisma.$queryRaw<Array<{ approvals: number; people: number }>>`
    SELECT count(*)::int AS approvals, coalesce(sum(count), 0)::int AS people FROM consent_approvals WHERE status = 'pending'`;
  return { failing: w?.failing ?? 0, lastError: w?.last_error ?? null, waitingApprovals: a?.approvals ?? 0, waitingPeople: a?.people ?? 0 };
}

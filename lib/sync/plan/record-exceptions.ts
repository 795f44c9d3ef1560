import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlanStage } from "./plan-stage";

/** Kinds the planner raises; only these are auto-resolved by a full run (the runtime owns the others). */
export const PLANNER_EXCEPTION_KINDS = ["missing_email", "invalid_email", "multiple_emails", "duplicate_email", "staff_email", "no_route", "field_missing"];

/**
 * One row per problem across runs (the fingerprint). A problem seen again counts another occurrence and
 * takes the latest detail; a resolved one that recurs is reopened, since "resolved" claimed it was fixed.
 */
export async function recordExceptions(prisma: PrismaClient, stage: PlanStage, runId: string): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO sync_exceptions (kind, fingerprint, audience_id, email, partner_ids, detail, first_run_id, last_run_id, updated_at)
     SELECT kind, fingerprint, audience_id, email, partner_ids, detail::jsonb, $1::uuid, $1::uuid, now() FROM ${stage.exceptions}
     ON CONFLICT (fingerprint) DO UPDATE SET
       occurrences = sync_exceptions.occurrences + 1, last_run_id = EXCLUDED.last_run_id, detail = EXCLUDED.detail,
       partner_ids = EXCLUDED.partner_ids, updated_at = now(), last_seen_at = now(), status = 'open', resolved_at = NULL, resolved_by_id = NULL`,
    runId,
  );
}

/** After a full run: open planner exceptions this run did not raise again no longer hold. */
export async function autoResolveExceptions(prisma: PrismaClient, stage: PlanStage, runId: string): Promise<number> {
  return prisma.$executeRawUnsafe(
    `UPDATE sync_exceptions e SET status = 'resolved', resolved_at = now(), resolved_by_id = NULL, updated_at = now(),
       detail = e.detail || jsonb_build_object('autoResolved', true, 'resolvedByRunId', $1::text)
     WHERE e.status = 'open' AND e.kind = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM ${stage.exceptions} s WHERE s.fingerprint = e.fingerprint)`,
    runId,
    PLANNER_EXCEPTION_KINDS,
  );
}

/** field_missing stops a plan before any stage exists, so it is written directly. */
export async function recordFieldMissing(prisma: PrismaClient, runId: string, fields: string[], message: string): Promise<void> {
  const fingerprint = `field_missing||${[...fields].sort().join(",")}`;
  const detail = JSON.stringify({ fields, message });
  await prisma.$executeRawUnsafe(
    `INSERT INTO sync_exceptions (kind, fingerprint, partner_ids, detail, first_run_id, last_run_id, updated_at)
     VALUES ('field_missing', $1, '{}', $2::jsonb, $3::uuid, $3::uuid, now())
     ON CONFLICT (fingerprint) DO UPDATE SET occurrences = sync_exceptions.occurrences + 1, last_run_id = EXCLUDED.last_run_id,
       detail = EXCLUDED.detail, updated_at = now(), last_seen_at = now(), status = 'open', resolved_at = NULL, resolved_by_id = NULL`,
    fingerprint,
    detail,
    runId,
  );
}

import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { normalizeEmail } from "@/lib/sync/email/normalize-email";
import { getActivePolicy } from "@/lib/sync/policy";
import { compareFields, type FieldRow } from "./compare-fields";

interface SentRow {
  batch_id: string;
  run_id: string;
  seq: number;
  kind: string;
  batch_status: string;
  run_status: string;
  run_mode: string;
  run_trigger: string;
  created_at: Date;
  record: { audienceId?: string; payload: Record<string, unknown> | null; hash: string | null; tagsToAdd: string[]; tagsToRemove: string[] };
  batch_audience: string | null;
}

interface ExceptionRow {
  id: string;
  kind: string;
  status: string;
  audienceId: string | null;
  occurrences: number;
  updatedAt: Date;
  owner: string | null;
  owned: boolean;
}

/**
 * One email across every audience: Odoo's value (the latest pass's plan), the last value Bridgeline sent (the
 * newest batch that carried it, found through the GIN index on sync_batches.records) and Mailchimp's (the latest
 * pass's read-back), field by field, with the record's history and who owns what.
 */
export async function recordView(raw: string) {
  const prisma = getPrisma();
  const email = normalizeEmail(raw);
  const [pass, policy] = await Promise.all([latestPass(prisma), getActivePolicy(prisma)]);
  const passId = pass?.id ?? "00000000-0000-0000-0000-000000000000";
  // sync_records is keyed (audience, email): naming the audiences turns the lookup into a few index probes.
  const known = [...new Set([...(policy?.policy.routing.rules.map((r) => r.audienceId) ?? []), ...((pass?.summary as { audiences?: string[] } | undefined)?.audiences ?? [])])];
  const [expected, members, records, gaps, batches, webhooks, writebacks, exceptions] = await Promise.all([
    prisma.reconcileExpected.findMany({ where: { passId, email } }),
    prisma.reconcileMember.findMany({ where: { passId, email } }),
    prisma.syncRecord.findMany({ where: { email, audienceId: { in: known } } }),
    prisma.reconcileGap.findMany({ where: { passId, email }, orderBy: { kind: "asc" } }),
    batchesCarrying(prisma, email),
    prisma.mailchimpWebhookEvent.findMany({ where: { email, listId: { in: known } }, orderBy: { id: "desc" }, take: 25, select: { id: true, listId: true, type: true, source: true, status: true, firedAt: true, receivedAt: true } }),
    prisma.consentWriteback.findMany({ where: { email, audienceId: { in: known } }, orderBy: { id: "desc" }, take: 25, select: { id: true, audienceId: true, action: true, target: true, status: true, attempts: true, lastError: true, createdAt: true, doneAt: true } }),
    // The email's exceptions and those raised per partner (no email) for the partners behind it, with their owner.
    prisma.$queryRaw<ExceptionRow[]>`
      SELECT e.id::text AS id, e.kind, e.status::text AS status, e.audience_id AS "audienceId", e.occurrences, e.updated_at AS "updatedAt", u.name AS owner, e.owner_id IS NOT NULL AS owned
      FROM sync_exceptions e LEFT JOIN users u ON u.id = e.owner_id
      WHERE e.email = ${email} OR e.partner_ids && (
        SELECT coalesce(array_agg(DISTINCT x), ARRAY[]::int[]) FROM sync_records r, unnest(r.partner_ids) x WHERE r.audience_id = ANY(${known}::text[]) AND r.email = ${email})
      ORDER BY e.updated_at DESC LIMIT 25`,
  ]);
  const audienceIds = [...new Set([...expected, ...members, ...records].map((r) => r.audienceId).concat(gaps.map((g) => g.audienceId)))].sort();
  const partnerIds = [...new Set([...expected.flatMap((e) => e.partnerIds), ...records.flatMap((r) => r.partnerIds)])].sort((a, b) => a - b);

  const prefix = policy?.policy.tags.prefix ?? "odoo:";
  return {
    email,
    passId: pass?.id ?? null,
    passFinishedAt: pass?.finishedAt ?? null,
    partnerIds,
    audiences: audienceIds.map((audienceId) => {
      const sent = batches.find((b) => (b.record.audienceId ?? b.batch_audience) === audienceId && b.batch_status === "succeeded");
      const record = records.find((r) => r.audienceId === audienceId) ?? null;
      const member = members.find((m) => m.audienceId === audienceId) ?? null;
      const want = expected.find((e) => e.audienceId === audienceId) ?? null;
      const fields: FieldRow[] = compareFields({
        odoo: want ? (want.payload as Record<string, unknown>) : null,
        sent: sent?.record.payload ?? null,
        mailchimp: member ? { merge_fields: member.mergeFields as Record<string, unknown>, language: member.language, tags: member.tags, status: member.status } : null,
        prefix,
      });
      return {
        audienceId,
        managedByBridgeline: !!record?.payloadHash && record.lastStatus !== "excluded",
        routedByOdoo: !!want,
        inMailchimp: !!member,
        syncRecord: record && { lastStatus: record.lastStatus, lastError: record.lastError, lastSyncedAt: record.lastSyncedAt, memberStatus: record.memberStatus, attempts: record.attempts, lastRunId: record.lastRunId, hashMatchesOdoo: !!want && record.payloadHash === want.hash },
        lastSent: sent ? { runId: sent.run_id, at: sent.created_at, hash: sent.record.hash } : null,
        fields,
        gaps: gaps.filter((g) => g.audienceId === audienceId).map((g) => ({ kind: g.kind, subject: g.subject, detail: g.detail })),
      };
    }),
    history: {
      runs: batches.map((b) => ({ runId: b.run_id, mode: b.run_mode, trigger: b.run_trigger, runStatus: b.run_status, batchSeq: b.seq, batchKind: b.kind, batchStatus: b.batch_status, at: b.created_at, audienceId: b.record.audienceId ?? b.batch_audience, departure: b.record.payload === null, tagsToAdd: b.record.tagsToAdd, tagsToRemove: b.record.tagsToRemove })),
      exceptions: exceptions.map(({ owned, ...e }) => ({ ...e, owner: owned ? (e.owner ?? "unknown user") : null })),
      webhooks: webhooks.map((w) => ({ ...w, id: w.id.toString() })),
      writebacks: writebacks.map((w) => ({ ...w, id: w.id.toString() })),
    },
  };
}

export type RecordView = Awaited<ReturnType<typeof recordView>>;

/**
 * Every batch that carried the email, newest first, through the GIN index on sync_batches.records. The planner
 * cannot see that each row is a large TOASTed array, so on a table of a few thousand batches it prefers reading
 * them all (tens of ms, growing with history) to the index (a few ms): the scan is switched off for this query.
 */
function batchesCarrying(prisma: ReturnType<typeof getPrisma>, email: string): Promise<SentRow[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return tx.$queryRaw<SentRow[]>`
      SELECT b.id::text AS batch_id, b.run_id::text AS run_id, b.seq, b.kind::text AS kind, b.status::text AS batch_status, b.audience_id AS batch_audience,
             r.status::text AS run_status, r.mode::text AS run_mode, r.trigger AS run_trigger, b.created_at, rec AS record
      FROM sync_batches b JOIN sync_runs r ON r.id = b.run_id
      CROSS JOIN LATERAL jsonb_array_elements(b.records) rec
      WHERE b.records @> ${JSON.stringify([{ email }])}::jsonb AND rec ->> 'email' = ${email}
      ORDER BY b.created_at DESC LIMIT 25`;
  });
}

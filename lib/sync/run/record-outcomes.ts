import type { ExceptionKind } from "@/lib/sync/types";
import type { RecordOutcome } from "./execute/types";
import type { Tx } from "./db";

export interface OutcomeCounts {
  sent: number;
  failed: number;
  rejected: number;
}

/**
 * Writes every outcome of a batch into sync_records (hash and tags only on success, so failures are re-planned)
 * and Mailchimp's refusals into sync_exceptions (one row per problem across runs). One statement each per
 * audience the batch wrote to.
 */
export async function recordOutcomes(tx: Tx, runId: string, outcomes: RecordOutcome[], now: Date): Promise<OutcomeCounts> {
  const byAudience = new Map<string, RecordOutcome[]>();
  for (const o of outcomes) {
    const group = byAudience.get(o.record.audienceId);
    if (group) group.push(o);
    else byAudience.set(o.record.audienceId, [o]);
  }
  for (const [audienceId, group] of byAudience) await recordAudienceOutcomes(tx, runId, audienceId, group, now);
  const count = (kind: RecordOutcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  return { sent: count("synced"), failed: count("failed") + count("rejected"), rejected: count("rejected") };
}

async function recordAudienceOutcomes(tx: Tx, runId: string, audienceId: string, outcomes: RecordOutcome[], now: Date): Promise<void> {
  const rows = outcomes.map((o) => ({
    email: o.record.email,
    partner_ids: o.record.partnerIds,
    ok: o.kind === "synced",
    payload_hash: o.record.hash,
    applied_tags: o.record.payload?.tags ?? [],
    last_status: o.kind === "synced" ? (o.record.payload ? "synced" : "excluded") : o.kind === "rejected" ? "exception" : "failed",
    last_error: o.kind === "synced" ? null : o.error.message,
    last_error_kind: o.kind === "synced" ? null : o.error.kind,
    member_status: o.kind === "synced" ? (o.memberStatus ?? null) : null,
    refused_hash: o.kind === "rejected" ? o.record.hash : null,
  }));
  if (rows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO sync_records AS s (audience_id, email, partner_ids, payload_hash, applied_tags, last_status, last_error,
        last_error_kind, attempts, last_run_id, member_status, last_synced_at, updated_at, refused_hash)
      SELECT ${audienceId}, r.email, r.partner_ids, CASE WHEN r.ok THEN r.payload_hash END,
        CASE WHEN r.ok THEN r.applied_tags ELSE ARRAY[]::text[] END, r.last_status::"RecordStatus", r.last_error,
        r.last_error_kind, 1, ${runId}::uuid, r.member_status, CASE WHEN r.ok THEN ${now}::timestamptz END, ${now}::timestamptz, r.refused_hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(email text, partner_ids int[], ok boolean,
        payload_hash text, applied_tags text[], last_status text, last_error text, last_error_kind text, member_status text,
        refused_hash text)
      ON CONFLICT (audience_id, email) DO UPDATE SET
        partner_ids = EXCLUDED.partner_ids,
        payload_hash = CASE WHEN EXCLUDED.last_synced_at IS NOT NULL THEN EXCLUDED.payload_hash ELSE s.payload_hash END,
        applied_tags = CASE WHEN EXCLUDED.last_synced_at IS NOT NULL THEN EXCLUDED.applied_tags ELSE s.applied_tags END,
        last_synced_at = COALESCE(EXCLUDED.last_synced_at, s.last_synced_at),
        member_status = COALESCE(EXCLUDED.member_status, s.member_status),
        -- A refusal is remembered with the payload it refused; a success forgets it; a transient failure keeps it.
        refused_hash = CASE WHEN EXCLUDED.last_status = 'exception' THEN EXCLUDED.refused_hash
                            WHEN EXCLUDED.last_synced_at IS NOT NULL THEN NULL ELSE s.refused_hash END,
        last_status = EXCLUDED.last_status, last_error = EXCLUDED.last_error, last_error_kind = EXCLUDED.last_error_kind,
        attempts = s.attempts + 1, last_run_id = EXCLUDED.last_run_id, updated_at = EXCLUDED.updated_at`;
  }
  await recordExceptions(tx, runId, audienceId, outcomes, now);
}

const MAILCHIMP_KINDS: ExceptionKind[] = ["mailchimp_rejected", "compliance_refused", "forgotten_email", "consent_refused"];

function exceptionKind(errorKind: string): ExceptionKind {
  if (errorKind === "compliance") return "compliance_refused";
  if (errorKind === "forgotten") return "forgotten_email";
  if (errorKind === "consent_refused") return "consent_refused";
  return "mailchimp_rejected";
}

async function recordExceptions(tx: Tx, runId: string, audienceId: string, outcomes: RecordOutcome[], now: Date): Promise<void> {
  const rejected = outcomes.flatMap((o) => (o.kind === "rejected" ? [{ ...o, exceptionKind: exceptionKind(o.error.kind) }] : []));
  if (rejected.length > 0) {
    const rows = rejected.map((o) => ({
      kind: o.exceptionKind,
      fingerprint: `${o.exceptionKind}:${audienceId}:${o.record.email.toLowerCase()}`,
      email: o.record.email,
      partner_ids: o.record.partnerIds,
      detail: { mailchimp: o.error },
    }));
    // A refusal seen again reopens its row: the record is still not in Mailchimp.
    await tx.$executeRaw`
      INSERT INTO sync_exceptions AS e (kind, fingerprint, audience_id, email, partner_ids, detail, first_run_id, last_run_id, updated_at, last_seen_at)
      SELECT r.kind, r.fingerprint, ${audienceId}, r.email, r.partner_ids, r.detail, ${runId}::uuid, ${runId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, fingerprint text, email text, partner_ids int[], detail jsonb)
      ON CONFLICT (fingerprint) DO UPDATE SET occurrences = e.occurrences + 1, detail = EXCLUDED.detail,
        partner_ids = EXCLUDED.partner_ids, last_run_id = EXCLUDED.last_run_id, updated_at = EXCLUDED.updated_at, last_seen_at = EXCLUDED.last_seen_at,
        status = 'open', resolved_at = NULL, resolved_by_id = NULL`;
  }
  const synced = outcomes.filter((o) => o.kind === "synced").map((o) => o.record.email);
  if (synced.length > 0) {
    // Mailchimp took the record this time: its earlier refusal is no longer true.
    await tx.$executeRaw`
      UPDATE sync_exceptions SET status = 'resolved', resolved_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      WHERE status = 'open' AND audience_id = ${audienceId} AND email = ANY(${synced}::text[]) AND kind = ANY(${MAILCHIMP_KINDS}::text[])`;
  }
}

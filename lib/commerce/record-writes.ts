import type { Db } from "@/lib/sync/run/db";
import type { WriteOutcome } from "./write-records";

/** The exception kind of an e-commerce write Mailchimp refused or that kept failing. */
export const COMMERCE_EXCEPTION = "commerce_rejected";

/**
 * Hashes of what landed (so the next run skips it; a deleted order is forgotten) and one exception per refused record, named by the Odoo order
 * (or product, customer) and the reason; a record that fails keeps its old hash and is sent again next run.
 */
export async function recordWrites(prisma: Db, runId: string, outcomes: WriteOutcome[]): Promise<void> {
  const landed = outcomes.filter((o) => o.ok);
  const gone = landed.filter((o) => o.item.op.method === "DELETE").map((o) => ({ store_id: o.item.storeId, kind: o.item.kind, record_id: o.item.recordId }));
  if (gone.length > 0) {
    await prisma.$executeRaw`
      DELETE FROM commerce_records c USING jsonb_to_recordset(${JSON.stringify(gone)}::jsonb) AS r(store_id text, kind text, record_id text)
      WHERE c.store_id = r.store_id AND c.kind = r.kind AND c.record_id = r.record_id`;
  }
  const ok = landed.filter((o) => o.item.op.method !== "DELETE").map((o) => ({ store_id: o.item.storeId, kind: o.item.kind, record_id: o.item.recordId, hash: o.item.hash }));
  if (ok.length > 0) {
    await prisma.$executeRaw`
      INSERT INTO commerce_records AS c (store_id, kind, record_id, hash, run_id, updated_at)
      SELECT r.store_id, r.kind, r.record_id, r.hash, ${runId}::uuid, now()
      FROM jsonb_to_recordset(${JSON.stringify(ok)}::jsonb) AS r(store_id text, kind text, record_id text, hash text)
      ON CONFLICT (store_id, kind, record_id) DO UPDATE SET hash = EXCLUDED.hash, run_id = EXCLUDED.run_id, updated_at = now()`;
  }
  const failed = outcomes.flatMap((o) => (o.ok ? [] : [{
    fingerprint: `${COMMERCE_EXCEPTION}|${o.item.listId}|${o.item.kind}:${o.item.storeId}:${o.item.recordId}`,
    audience_id: o.item.listId, email: o.item.email ?? null, partner_ids: o.item.partnerIds ?? [],
    detail: { kind: o.item.kind, name: o.item.label, storeId: o.item.storeId, recordId: o.item.recordId, reason: o.reason, retryable: o.retryable,
      message: `${o.item.kind === "order" ? `Order ${o.item.label}` : `${o.item.kind} ${o.item.label}`}: ${o.reason}` },
  }]));
  if (failed.length > 0) {
    await prisma.$executeRaw`
      INSERT INTO sync_exceptions AS e (kind, fingerprint, audience_id, email, partner_ids, detail, first_run_id, last_run_id, updated_at)
      SELECT ${COMMERCE_EXCEPTION}, r.fingerprint, r.audience_id, r.email, r.partner_ids, r.detail, ${runId}::uuid, ${runId}::uuid, now()
      FROM jsonb_to_recordset(${JSON.stringify(failed)}::jsonb) AS r(fingerprint text, audience_id text, email text, partner_ids int[], detail jsonb)
      ON CONFLICT (fingerprint) DO UPDATE SET occurrences = e.occurrences + 1, last_run_id = EXCLUDED.last_run_id, detail = EXCLUDED.detail,
        updated_at = now(), last_seen_at = now(), status = 'open', resolved_at = NULL, resolved_by_id = NULL`;
  }
}

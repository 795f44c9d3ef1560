import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GapKind } from "../gap-kinds";

/**
 * The comparison, all in Postgres: reconcile_expected (what the planner wants) against reconcile_members (what
 * Mailchimp holds) and sync_records (what Bridgeline manages), one INSERT ... SELECT per gap kind. Nothing is
 * loaded into the process, so a 100k-member audience costs the worker no memory.
 *
 * "Ours" = expected by Odoo, or written by Bridgeline and not since released (sync_records with an applied hash,
 * not excluded). Only ours can drift; everything else in Mailchimp is only listed.
 */
export async function findGaps(prisma: PrismaClient, passId: string, blacklist: string, tagPrefix: string): Promise<void> {
  for (const sql of gapQueries(blacklist)) await prisma.$executeRawUnsafe(sql, ...(sql.includes("$2") ? [passId, tagPrefix] : [passId]));
}

const E = `(SELECT * FROM reconcile_expected WHERE pass_id = $1::uuid)`;
const M = `(SELECT * FROM reconcile_members WHERE pass_id = $1::uuid)`;
const MANAGED = `r.payload_hash IS NOT NULL AND r.last_status <> 'excluded'`;
const insert = (kind: GapKind) => `INSERT INTO reconcile_gaps (pass_id, audience_id, kind, email, partner_ids, detail) SELECT $1::uuid, g.audience_id, '${kind}', g.email, g.partner_ids, g.detail FROM`;

function gapQueries(blacklist: string): string[] {
  return [
    // Eligible and routed, absent from the audience (archived members are not listed: to a send they are gone).
    // A record Mailchimp refused is accounted for by its open exception (invariant 5) and worked on there.
    `${insert("missing")} (
       SELECT e.audience_id, e.email, e.partner_ids, jsonb_build_object(
         'cause', CASE WHEN r.payload_hash IS NOT NULL THEN 'gone_from_mailchimp' WHEN r.last_status IS NULL THEN 'not_synced_yet' ELSE 'not_accepted' END,
         'syncStatus', r.last_status, 'lastSyncedAt', r.last_synced_at, 'lastError', r.last_error) AS detail
       FROM ${E} e
       LEFT JOIN sync_records r ON r.audience_id = e.audience_id AND r.email = e.email
       WHERE r.last_status IS DISTINCT FROM 'exception' AND NOT EXISTS (SELECT 1 FROM reconcile_members m WHERE m.pass_id = $1::uuid AND m.audience_id = e.audience_id AND m.email = e.email)) g`,
    // Ours, still in Mailchimp, no longer routed here: the next run that sees the departure (or a repair) removes its managed tags.
    `${insert("not_eligible")} (
       SELECT m.audience_id, m.email, r.partner_ids, jsonb_build_object(
         'memberStatus', m.status, 'appliedTags', to_jsonb(r.applied_tags), 'blacklistedInOdoo', b.email IS NOT NULL,
         'policyAction', 'remove_managed_tags') AS detail
       FROM ${M} m
       JOIN sync_records r ON r.audience_id = m.audience_id AND r.email = m.email AND ${MANAGED}
       LEFT JOIN ${blacklist} b ON b.email = m.email
       WHERE NOT EXISTS (SELECT 1 FROM reconcile_expected e WHERE e.pass_id = $1::uuid AND e.audience_id = m.audience_id AND e.email = m.email)) g`,
    // Every owned merge field, and the language when the policy sends it. Addresses compare the parts we send
    // (Mailchimp adds addr2); a field Mailchimp does not list at all counts as empty.
    `${insert("merge_drift")} (
       SELECT e.audience_id, e.email, e.partner_ids, jsonb_build_object(
         'cause', CASE WHEN r.payload_hash = e.hash THEN 'changed_in_mailchimp' ELSE 'odoo_changed_since_last_sync' END,
         'fields', jsonb_object_agg(f.key, jsonb_build_object('odoo', f.value, 'mailchimp', coalesce(mc.merged -> f.key, '""'::jsonb)))) AS detail
       FROM ${E} e
       JOIN reconcile_members m ON m.pass_id = $1::uuid AND m.audience_id = e.audience_id AND m.email = e.email
       LEFT JOIN sync_records r ON r.audience_id = e.audience_id AND r.email = e.email
       CROSS JOIN LATERAL (SELECT m.merge_fields || jsonb_build_object('language', coalesce(m.language, '')) AS merged) mc
       CROSS JOIN LATERAL jsonb_each((e.payload -> 'merge_fields') || CASE WHEN e.payload ? 'language' THEN jsonb_build_object('language', e.payload -> 'language') ELSE '{}'::jsonb END) f
       WHERE CASE WHEN jsonb_typeof(f.value) = 'object' THEN NOT coalesce(mc.merged -> f.key, 'null'::jsonb) @> f.value
                  ELSE coalesce(mc.merged -> f.key, '""'::jsonb) <> f.value END
       GROUP BY e.audience_id, e.email, e.partner_ids, e.hash, r.payload_hash) g`,
    // Only tags under the policy prefix are ours; anything else on the member is marketing's.
    `${insert("tag_drift")} (
       SELECT audience_id, email, partner_ids, jsonb_build_object('missingTags', to_jsonb(missing), 'extraTags', to_jsonb(extra)) AS detail
       FROM (
         SELECT e.audience_id, e.email, e.partner_ids,
           ARRAY(SELECT jsonb_array_elements_text(e.payload -> 'tags') EXCEPT SELECT unnest(m.tags) ORDER BY 1) AS missing,
           ARRAY(SELECT t FROM unnest(m.tags) t WHERE starts_with(t, $2) EXCEPT SELECT jsonb_array_elements_text(e.payload -> 'tags') ORDER BY 1) AS extra
         FROM ${E} e
         JOIN reconcile_members m ON m.pass_id = $1::uuid AND m.audience_id = e.audience_id AND m.email = e.email) t
       WHERE cardinality(missing) + cardinality(extra) > 0) g`,
    // Mailchimp is the master of consent: an opt-out there that Odoo has not recorded, or an Odoo opt-out on a
    // member Mailchimp can still send to. Pending write-backs are named: the consent flow may be on its way.
    `${insert("consent_drift")} (
       SELECT m.audience_id, m.email, coalesce(e.partner_ids, r.partner_ids) AS partner_ids, jsonb_build_object(
         'direction', CASE WHEN b.email IS NULL THEN 'mailchimp_opted_out' ELSE 'odoo_blacklisted' END,
         'memberStatus', m.status, 'blacklistedInOdoo', b.email IS NOT NULL,
         'pendingWritebacks', (SELECT count(*) FROM consent_writebacks w WHERE w.audience_id = m.audience_id AND w.email = m.email AND w.status = 'pending')) AS detail
       FROM ${M} m
       LEFT JOIN reconcile_expected e ON e.pass_id = $1::uuid AND e.audience_id = m.audience_id AND e.email = m.email
       LEFT JOIN sync_records r ON r.audience_id = m.audience_id AND r.email = m.email AND ${MANAGED}
       LEFT JOIN ${blacklist} b ON b.email = m.email
       WHERE (e.email IS NOT NULL OR r.email IS NOT NULL)
         AND ((m.status IN ('unsubscribed', 'cleaned') AND b.email IS NULL) OR (m.status = 'subscribed' AND b.email IS NOT NULL))) g`,
    // Never written by Bridgeline and not wanted by Odoo: someone else's members.
    `${insert("mailchimp_only")} (
       SELECT m.audience_id, m.email, ARRAY[]::int[] AS partner_ids, jsonb_build_object('memberStatus', m.status) AS detail
       FROM ${M} m
       WHERE NOT EXISTS (SELECT 1 FROM sync_records r WHERE r.audience_id = m.audience_id AND r.email = m.email)
         AND NOT EXISTS (SELECT 1 FROM reconcile_expected e WHERE e.pass_id = $1::uuid AND e.audience_id = m.audience_id AND e.email = m.email)) g`,
  ];
}

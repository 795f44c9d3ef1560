import { markCountedOrders } from "@/lib/reconcile/compare/orders-once";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildDemoPolicy, savePolicy } from "@/lib/sync/policy";

export const BENCH_AUDIENCES = { sf_b2b: "aud1", sf_b2c: "aud2", chicago: "aud3", brussels: "aud4" };

export interface ConsoleVolume {
  records: number;
  runs: number;
  gaps: number;
  /** Members (and expected records) of the latest pass. */
  members: number;
  passes: number;
  exceptions: number;
  recordsPerBatch: number;
}

/** The issue's volume: 1M sync records, 100k gaps, 1k runs (and what surrounds them in a busy console). */
export const ISSUE_VOLUME: ConsoleVolume = { records: 1_000_000, runs: 1_000, gaps: 100_000, members: 100_000, passes: 30, exceptions: 10_000, recordsPerBatch: 100 };

const email = (i: string) => `'user' || ${i} || '@bench.example.org'`;
const audience = (i: string) => `'aud' || (1 + (${i}) % 4)`;

/**
 * Fills a scratch database in SQL (generate_series), so a million rows take seconds, not a million inserts.
 * Record i lives in audience aud(1 + i % 4) as user<i>@bench.example.org everywhere (records, batches, gaps,
 * snapshots), so the record view finds the same person in every table.
 */
export async function seedConsole(prisma: PrismaClient, v: ConsoleVolume, log: (m: string) => void): Promise<{ latestPassId: string }> {
  await savePolicy(prisma, buildDemoPolicy(BENCH_AUDIENCES), { comment: "bench" });
  const exec = async (what: string, sql: string) => {
    const t0 = performance.now();
    await prisma.$executeRawUnsafe(sql);
    log(`  seeded ${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await exec(`${v.runs} runs`, `INSERT INTO sync_runs (id, mode, trigger, status, created_at, started_at, finished_at, planned_new, sent, summary)
    SELECT md5('run' || n)::uuid, CASE WHEN n % 10 = 0 THEN 'full' ELSE 'incremental' END::"SyncMode", 'bench', 'succeeded',
      now() - (n || ' hours')::interval, now() - (n || ' hours')::interval, now() - (n || ' hours')::interval + interval '2 minutes', ${v.recordsPerBatch}, ${v.recordsPerBatch}, '{}'
    FROM generate_series(1, ${v.runs}) n`);
  await exec(`${v.runs} batches of ${v.recordsPerBatch} records`, `INSERT INTO sync_batches (id, run_id, seq, audience_id, kind, status, record_count, sent_count, records, created_at, finished_at)
    SELECT md5('batch' || n)::uuid, md5('run' || n)::uuid, 0, NULL, 'upsert_existing', 'succeeded', ${v.recordsPerBatch}, ${v.recordsPerBatch},
      (SELECT jsonb_agg(jsonb_build_object('email', ${email("i")}, 'audienceId', ${audience("i")}, 'partnerIds', jsonb_build_array(i), 'hash', md5(i::text),
         'payload', jsonb_build_object('merge_fields', jsonb_build_object('FNAME', 'User', 'LNAME', i::text, 'ORDERS', i % 7, 'ODOOID', i::text), 'tags', jsonb_build_array('odoo:b2c')),
         'tagsToAdd', '[]'::jsonb, 'tagsToRemove', '[]'::jsonb, 'statusIfNew', 'transactional'))
       FROM generate_series((n - 1) * ${v.recordsPerBatch}, n * ${v.recordsPerBatch} - 1) i),
      now() - (n || ' hours')::interval, now() - (n || ' hours')::interval
    FROM generate_series(1, ${v.runs}) n`);
  await exec(`${v.records} sync records`, `INSERT INTO sync_records (audience_id, email, partner_ids, payload_hash, applied_tags, last_status, last_error, attempts, last_run_id, member_status, last_synced_at, updated_at)
    SELECT ${audience("i")}, ${email("i")}, ARRAY[i], md5(i::text), ARRAY['odoo:b2c'],
      (CASE WHEN i % 50 = 0 THEN 'failed' WHEN i % 97 = 0 THEN 'exception' WHEN i % 31 = 0 THEN 'excluded' ELSE 'synced' END)::"RecordStatus",
      CASE WHEN i % 50 = 0 THEN 'timeout' END, 1, md5('run' || (1 + i / ${v.recordsPerBatch} % ${v.runs}))::uuid,
      CASE WHEN i % 13 = 0 THEN 'unsubscribed' WHEN i % 3 = 0 THEN 'subscribed' ELSE 'transactional' END, now(), now()
    FROM generate_series(0, ${v.records - 1}) i`);
  await exec(`${v.exceptions} exceptions, consent events and write-backs`, `
    WITH e AS (INSERT INTO sync_exceptions (kind, fingerprint, audience_id, email, partner_ids, status, updated_at)
      SELECT 'mailchimp_rejected', 'bench:' || i, ${audience("i * 7")}, ${email("i * 7")}, ARRAY[i * 7], CASE WHEN i % 3 = 0 THEN 'resolved' ELSE 'open' END::"ExceptionStatus", now()
      FROM generate_series(0, ${v.exceptions - 1}) i RETURNING 1),
    w AS (INSERT INTO mailchimp_webhook_events (list_id, type, email, source, payload, dedupe_key, status)
      SELECT ${audience("i * 13")}, 'unsubscribe', ${email("i * 13")}, 'webhook', '{}', 'bench:' || i, 'processed'
      FROM generate_series(0, ${v.exceptions - 1}) i RETURNING id, list_id, email)
    INSERT INTO consent_writebacks (event_id, audience_id, email, action, target, status)
    SELECT id, list_id, email, 'blacklist', 'mail.blacklist', CASE WHEN id % 20 = 0 THEN 'pending' ELSE 'done' END::"ConsentWritebackStatus" FROM w`);
  await exec(`${v.passes} read-back passes`, `INSERT INTO reconcile_passes (id, trigger, status, requests, created_at, started_at, finished_at, oldest_pending_at, summary)
    SELECT md5('pass' || n)::uuid, 'bench', 'succeeded', 250, now() - (n || ' hours')::interval, now() - (n || ' hours')::interval,
      now() - (n || ' hours')::interval + interval '1 minute', now() - (n || ' hours')::interval - interval '20 minutes', '{}'
    FROM generate_series(1, ${v.passes}) n`);
  await exec("per-audience counts", `INSERT INTO reconcile_audiences (pass_id, audience_id, members, by_status, expected, gaps, created_at)
    SELECT md5('pass' || n)::uuid, 'aud' || a, 250000 + n * 10, '{"subscribed": 80000, "transactional": 160000, "unsubscribed": 10000}', 250000,
      jsonb_build_object('missing', 4000 + n, 'not_eligible', 4000, 'merge_drift', 4000, 'tag_drift', 4000, 'consent_drift', 4000, 'mailchimp_only', 5000), now() - (n || ' hours')::interval
    FROM generate_series(1, ${v.passes}) n, generate_series(1, 4) a`);
  const kinds = `(ARRAY['missing','not_eligible','merge_drift','tag_drift','consent_drift','mailchimp_only'])[1 + i % 6]`;
  await exec(`${v.gaps} gaps`, `INSERT INTO reconcile_gaps (pass_id, audience_id, kind, email, partner_ids, detail)
    SELECT md5('pass1')::uuid, ${audience("i * 3")}, ${kinds}, ${email("i * 3")}, ARRAY[i * 3], jsonb_build_object('cause', 'changed_in_mailchimp', 'fields', jsonb_build_object('FNAME', jsonb_build_object('odoo', 'User', 'mailchimp', 'Usr')))
    FROM generate_series(0, ${v.gaps - 1}) i`);
  await exec(`${v.members} members and expected records`, `
    WITH m AS (INSERT INTO reconcile_members (pass_id, audience_id, email, status, merge_fields, tags)
      SELECT md5('pass1')::uuid, ${audience("i")}, ${email("i")}, 'transactional', jsonb_build_object('FNAME', 'User', 'LNAME', i::text, 'ORDERS', i % 7), ARRAY['odoo:b2c']
      FROM generate_series(0, ${v.members - 1}) i RETURNING 1)
    INSERT INTO reconcile_expected (pass_id, audience_id, email, partner_ids, payload, hash)
    SELECT md5('pass1')::uuid, ${audience("i")}, ${email("i")}, ARRAY[i], jsonb_build_object('merge_fields', jsonb_build_object('FNAME', 'User', 'LNAME', i::text, 'ORDERS', i % 7), 'tags', jsonb_build_array('odoo:b2c')), md5(i::text)
    FROM generate_series(0, ${v.members - 1}) i`);
  // Revenue: 100k orders (3 companies, USD and EUR, 36 months) on each side of the latest pass, 1 in 50 differing,
  // and the revenue rows of every pass (what the Revenue page and its drill-down read).
  await exec(`${v.members} Odoo and Mailchimp orders`, `
    WITH o AS (INSERT INTO reconcile_odoo_orders (pass_id, sale_order_id, name, partner_id, company_id, currency, month, date_order, state, invoiced, amount_cents, refunded_cents)
      SELECT md5('pass1')::uuid, i, 'S' || i, i, 1 + i % 3, CASE WHEN i % 3 = 2 THEN 'EUR' ELSE 'USD' END, date_trunc('month', now() - ((i % 36) || ' months')::interval)::date,
        now() - ((i % 36) || ' months')::interval, CASE WHEN i % 20 = 0 THEN 'cancel' ELSE 'sale' END, true, 10000 + i % 5000, CASE WHEN i % 25 = 0 THEN 1500 ELSE 0 END
      FROM generate_series(1, ${v.members}) i RETURNING 1)
    INSERT INTO reconcile_mailchimp_orders (pass_id, store_id, order_id, audience_id, company_id, currency, email, total_cents, financial_status, cancelled, processed_at)
    SELECT md5('pass1')::uuid, 'odoo-c' || (1 + i % 3) || '-aud' || (1 + i % 4) || '-' || CASE WHEN i % 3 = 2 THEN 'eur' ELSE 'usd' END, 'so-' || i, 'aud' || (1 + i % 4), 1 + i % 3,
      CASE WHEN i % 3 = 2 THEN 'EUR' ELSE 'USD' END, ${email("i")}, 10000 + i % 5000 - CASE WHEN i % 25 = 0 THEN 1500 ELSE 0 END - CASE WHEN i % 50 = 1 THEN 100 ELSE 0 END,
      'paid', i % 20 = 0, now() - ((i % 36) || ' months')::interval
    FROM generate_series(1, ${v.members}) i`);
  await markCountedOrders(prisma, (await prisma.$queryRaw<[{ id: string }]>`SELECT md5('pass1')::uuid::text AS id`)[0].id);
  await exec("revenue rows", `INSERT INTO reconcile_revenue (pass_id, month, company_id, company_name, currency, odoo_orders, odoo_gross_cents, odoo_refunds_cents,
      odoo_cancellations_cents, odoo_net_cents, mailchimp_orders, mailchimp_net_cents, mailchimp_cancellations_cents, difference_cents)
    SELECT md5('pass' || n)::uuid, date_trunc('month', now() - (m || ' months')::interval)::date, c, 'Company ' || c, cur, 900, 9000000, 100000, 400000, 8500000, 900, 8499000, 400000, 1000
    FROM generate_series(1, ${v.passes}) n, generate_series(0, 35) m, generate_series(1, 3) c, unnest(ARRAY['USD', 'EUR']) cur`);
  // What autovacuum does on a live database: statistics, the visibility map, and GIN pending lists merged.
  await exec("VACUUM ANALYZE", "VACUUM ANALYZE");
  const latest = await prisma.reconcilePass.findFirstOrThrow({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  return { latestPassId: latest.id };
}

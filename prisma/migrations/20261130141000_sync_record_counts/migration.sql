-- The Overview's per-audience outcome counts, kept as they change instead of counted on every page view: a
-- GROUP BY over a million sync_records took 1.5 s (p50) to 2.5 s (p95) under load (bench/results/
-- 2026-11-30-reconcile-270000.json). Statement-level triggers append one delta row per (audience, status,
-- opted-out) that a statement changed, read from its transition tables, so a bulk write of 2,000 records adds a
-- handful of rows, and writers never wait on each other (append-only: no shared counter row to lock, no
-- deadlock between workers). Readers sum the deltas; they are folded into one row per key now and then.
CREATE TABLE "sync_record_counts" (
    "id" BIGSERIAL NOT NULL,
    "audience_id" TEXT NOT NULL,
    "last_status" "RecordStatus" NOT NULL,
    "opted_out" BOOLEAN NOT NULL,
    "n" BIGINT NOT NULL,
    CONSTRAINT "sync_record_counts_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "sync_record_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "sync_record_counts" ("audience_id", "last_status", "opted_out", "n")
    SELECT "audience_id", "last_status", coalesce("member_status" IN ('unsubscribed', 'cleaned'), false), count(*)
    FROM new_rows GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "sync_record_counts" ("audience_id", "last_status", "opted_out", "n")
    SELECT "audience_id", "last_status", coalesce("member_status" IN ('unsubscribed', 'cleaned'), false), -count(*)
    FROM old_rows GROUP BY 1, 2, 3;
  ELSE
    -- Most updates keep a record's status (a re-sync of an unchanged outcome): their +1 and -1 cancel out.
    INSERT INTO "sync_record_counts" ("audience_id", "last_status", "opted_out", "n")
    SELECT a, s, o, sum(d) FROM (
      SELECT "audience_id" a, "last_status" s, coalesce("member_status" IN ('unsubscribed', 'cleaned'), false) o, 1 d FROM new_rows
      UNION ALL
      SELECT "audience_id", "last_status", coalesce("member_status" IN ('unsubscribed', 'cleaned'), false), -1 FROM old_rows
    ) c GROUP BY 1, 2, 3 HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "sync_record_counts_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sync_record_counts";
  RETURN NULL;
END $$;

CREATE TRIGGER "sync_record_counts_insert" AFTER INSERT ON "sync_records"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sync_record_counts_apply"();
CREATE TRIGGER "sync_record_counts_update" AFTER UPDATE ON "sync_records"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sync_record_counts_apply"();
CREATE TRIGGER "sync_record_counts_delete" AFTER DELETE ON "sync_records"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "sync_record_counts_apply"();
CREATE TRIGGER "sync_record_counts_truncate" AFTER TRUNCATE ON "sync_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "sync_record_counts_clear"();

INSERT INTO "sync_record_counts" ("audience_id", "last_status", "opted_out", "n")
SELECT "audience_id", "last_status", coalesce("member_status" IN ('unsubscribed', 'cleaned'), false), count(*)
FROM "sync_records" GROUP BY 1, 2, 3;

-- "Last seen" on an exception means the last run (or Mailchimp event) that raised it; updated_at also moves when
-- ops assign, comment or resolve, so it cannot say that.
-- AlterTable
ALTER TABLE "sync_exceptions" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing rows: the best record of when each was last raised is its last run's start, else its last update.
UPDATE "sync_exceptions" e
SET "last_seen_at" = coalesce((SELECT coalesce(r."started_at", r."created_at") FROM "sync_runs" r WHERE r."id" = e."last_run_id"), e."updated_at");

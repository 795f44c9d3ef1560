-- One /batches submission per run for upserts: an upsert batch may now write to several audiences, so the
-- batch's audience becomes optional and every planned record carries its own.
ALTER TABLE "sync_batches" ALTER COLUMN "audience_id" DROP NOT NULL;

-- Batches planned before this migration and not finished yet: their records take the batch's audience.
UPDATE "sync_batches" b
SET "records" = (
  SELECT coalesce(jsonb_agg(r || jsonb_build_object('audienceId', b."audience_id") ORDER BY n), '[]'::jsonb)
  FROM jsonb_array_elements(b."records") WITH ORDINALITY AS t(r, n)
)
WHERE b."status" IN ('pending', 'running') AND b."audience_id" IS NOT NULL;

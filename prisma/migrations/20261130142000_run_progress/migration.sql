-- A run's live progress while it plans (phase, partners read of how many, when each phase began), written by the
-- planning worker about once a second, so the run page can draw progress bars with a rate and the time left.
-- Sending and checking /batches are read from sync_batches, which already says it.
ALTER TABLE "sync_runs" ADD COLUMN "progress" JSONB NOT NULL DEFAULT '{}';

-- Every Mailchimp call a worker makes, counted per minute, run (null: not a run's, e.g. a consent poll or a
-- read-back), endpoint (method and route template) and outcome ("ok" or the error kind), with the time spent
-- waiting for one of the 10 governed connections: the run page's and the Overview's monitoring charts.
CREATE TABLE "mailchimp_call_stats" (
    "id" BIGSERIAL NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "run_id" UUID,
    "endpoint" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "wait_ms" BIGINT NOT NULL,
    "max_wait_ms" INTEGER NOT NULL,
    "duration_ms" BIGINT NOT NULL,

    CONSTRAINT "mailchimp_call_stats_pkey" PRIMARY KEY ("id")
);

-- One row per key; a null run is a key like any other (Postgres 15), so flushes add to it.
CREATE UNIQUE INDEX "mailchimp_call_stats_bucket_run_id_endpoint_outcome_key" ON "mailchimp_call_stats"("bucket", "run_id", "endpoint", "outcome") NULLS NOT DISTINCT;
CREATE INDEX "mailchimp_call_stats_run_id_bucket_idx" ON "mailchimp_call_stats"("run_id", "bucket");

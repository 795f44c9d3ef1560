-- Sync engine: policy versions, runs, batches, per-record outcomes, exceptions with comments, cursors.
CREATE TYPE "SyncMode" AS ENUM ('full', 'incremental');
CREATE TYPE "RunStatus" AS ENUM ('queued', 'planning', 'running', 'paused', 'cancelled', 'succeeded', 'failed');
CREATE TYPE "BatchKind" AS ENUM ('subscribe_new', 'upsert_existing');
CREATE TYPE "BatchStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');
CREATE TYPE "RecordStatus" AS ENUM ('synced', 'failed', 'exception', 'excluded');
CREATE TYPE "ExceptionStatus" AS ENUM ('open', 'resolved');

CREATE TABLE "policy_versions" (
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "comment" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("version")
);

CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL,
    "mode" "SyncMode" NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "policy_version" INTEGER,
    "requested_by_id" UUID,
    "cursor_from" TIMESTAMPTZ(3),
    "cursor_to" TIMESTAMPTZ(3),
    "planned_new" INTEGER NOT NULL DEFAULT 0,
    "planned_update" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "excluded" INTEGER NOT NULL DEFAULT 0,
    "exceptions" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sync_runs_created_at_idx" ON "sync_runs"("created_at");
CREATE INDEX "sync_runs_status_idx" ON "sync_runs"("status");

CREATE TABLE "sync_batches" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "audience_id" TEXT NOT NULL,
    "kind" "BatchKind" NOT NULL,
    "status" "BatchStatus" NOT NULL DEFAULT 'pending',
    "record_count" INTEGER NOT NULL,
    "sent_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "records" JSONB NOT NULL,
    "mailchimp_batch_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "sync_batches_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sync_batches_run_id_seq_key" ON "sync_batches"("run_id", "seq");
CREATE INDEX "sync_batches_status_idx" ON "sync_batches"("status");
ALTER TABLE "sync_batches" ADD CONSTRAINT "sync_batches_run_id_fkey"
    FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "sync_records" (
    "audience_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "partner_ids" INTEGER[],
    "payload_hash" TEXT,
    "applied_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_status" "RecordStatus" NOT NULL,
    "last_error" TEXT,
    "last_error_kind" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_run_id" UUID,
    "member_status" TEXT,
    "last_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sync_records_pkey" PRIMARY KEY ("audience_id", "email")
);
CREATE INDEX "sync_records_last_status_idx" ON "sync_records"("last_status");

CREATE TABLE "sync_exceptions" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "audience_id" TEXT,
    "email" TEXT,
    "partner_ids" INTEGER[],
    "detail" JSONB NOT NULL DEFAULT '{}',
    "status" "ExceptionStatus" NOT NULL DEFAULT 'open',
    "owner_id" UUID,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "first_run_id" UUID,
    "last_run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    CONSTRAINT "sync_exceptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sync_exceptions_fingerprint_key" ON "sync_exceptions"("fingerprint");
CREATE INDEX "sync_exceptions_status_kind_idx" ON "sync_exceptions"("status", "kind");

CREATE TABLE "exception_comments" (
    "id" BIGSERIAL NOT NULL,
    "exception_id" BIGINT NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "exception_comments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "exception_comments_exception_id_idx" ON "exception_comments"("exception_id");
ALTER TABLE "exception_comments" ADD CONSTRAINT "exception_comments_exception_id_fkey"
    FOREIGN KEY ("exception_id") REFERENCES "sync_exceptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "sync_cursors" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sync_cursors_pkey" PRIMARY KEY ("key")
);

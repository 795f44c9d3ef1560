-- Reconciliation (lib/reconcile): read-back passes, per-audience counts, gaps, and the latest passes' snapshots
-- of Mailchimp and of what Odoo wants there. Targeted (repair) runs carry their scope on sync_runs.

-- Trigram search on gap emails (contrib, shipped with Postgres and with the embedded-postgres binaries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "sync_runs" ADD COLUMN "scope" JSONB;

-- CreateEnum
CREATE TYPE "PassStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "reconcile_passes" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "PassStatus" NOT NULL DEFAULT 'queued',
    "requested_by_id" UUID,
    "after_run_id" UUID,
    "policy_version" INTEGER,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "oldest_pending_at" TIMESTAMPTZ(3),
    "summary" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),

    CONSTRAINT "reconcile_passes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconcile_audiences" (
    "pass_id" UUID NOT NULL,
    "audience_id" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "by_status" JSONB NOT NULL,
    "expected" INTEGER NOT NULL,
    "gaps" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconcile_audiences_pkey" PRIMARY KEY ("pass_id","audience_id")
);

-- CreateTable
CREATE TABLE "reconcile_gaps" (
    "id" BIGSERIAL NOT NULL,
    "pass_id" UUID NOT NULL,
    "audience_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "partner_ids" INTEGER[],
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "reconcile_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconcile_members" (
    "pass_id" UUID NOT NULL,
    "audience_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "merge_fields" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "language" TEXT,
    "last_changed" TIMESTAMPTZ(3),

    CONSTRAINT "reconcile_members_pkey" PRIMARY KEY ("pass_id","audience_id","email")
);

-- CreateTable
CREATE TABLE "reconcile_expected" (
    "pass_id" UUID NOT NULL,
    "audience_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "partner_ids" INTEGER[],
    "payload" JSONB NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "reconcile_expected_pkey" PRIMARY KEY ("pass_id","audience_id","email")
);

-- CreateIndex
CREATE INDEX "reconcile_passes_status_finished_at_idx" ON "reconcile_passes"("status", "finished_at");

-- CreateIndex
CREATE INDEX "reconcile_passes_created_at_idx" ON "reconcile_passes"("created_at");

-- CreateIndex
CREATE INDEX "reconcile_audiences_audience_id_created_at_idx" ON "reconcile_audiences"("audience_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reconcile_gaps_pass_id_kind_audience_id_email_subject_key" ON "reconcile_gaps"("pass_id", "kind", "audience_id", "email", "subject");

-- CreateIndex
CREATE INDEX "reconcile_gaps_pass_id_email_idx" ON "reconcile_gaps"("pass_id", "email");

-- CreateIndex
CREATE INDEX "reconcile_gaps_email_trgm_idx" ON "reconcile_gaps" USING GIN ("email" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "reconcile_audiences" ADD CONSTRAINT "reconcile_audiences_pass_id_fkey" FOREIGN KEY ("pass_id") REFERENCES "reconcile_passes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "sync_batches_records_idx" ON "sync_batches" USING GIN ("records" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "sync_exceptions_email_idx" ON "sync_exceptions"("email");

-- CreateIndex
CREATE INDEX "sync_exceptions_partner_ids_idx" ON "sync_exceptions" USING GIN ("partner_ids");

-- Crash recovery in seconds (issue 15). Every worker process beats here every few seconds; the jobs it is running
-- are claimed under its id. A worker whose beat is stale is declared dead by another one, which hands its claimed
-- jobs on (a new job id, the old one cancelled) instead of waiting out pg-boss's expiry (10 min for a batch).
-- Each hand-off is kept as an event. A job the queue holds as active that no worker claims (its worker went
-- between taking it and claiming it) is handed on too, without a worker to name.

-- CreateTable
CREATE TABLE "sync_workers" (
    "id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "backend_pid" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),
    "declared_dead_at" TIMESTAMPTZ(3),

    CONSTRAINT "sync_workers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_job_claims" (
    "job_id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "worker_id" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_job_claims_pkey" PRIMARY KEY ("job_id")
);

-- CreateTable
CREATE TABLE "sync_job_handoffs" (
    "job_id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dead_worker_id" UUID,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "new_job_id" UUID NOT NULL,
    "by_worker_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "handed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_job_handoffs_pkey" PRIMARY KEY ("job_id")
);

-- AlterTable: a write-back page claimed by a worker that then died is released at once instead of after its 5-minute lease.
ALTER TABLE "consent_writebacks" ADD COLUMN "leased_by" UUID;

-- CreateIndex
CREATE INDEX "sync_workers_heartbeat_at_idx" ON "sync_workers"("heartbeat_at");

-- CreateIndex
CREATE INDEX "sync_job_claims_worker_id_idx" ON "sync_job_claims"("worker_id");

-- CreateIndex
CREATE INDEX "sync_job_handoffs_handed_at_idx" ON "sync_job_handoffs"("handed_at");

-- AddForeignKey
ALTER TABLE "sync_job_claims" ADD CONSTRAINT "sync_job_claims_worker_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "sync_workers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

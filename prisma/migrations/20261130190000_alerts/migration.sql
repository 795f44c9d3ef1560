-- Alerts (lib/alerts): one row per condition while it holds (open), kept once it clears (resolved). open_key is
-- "kind|subject" while the alert is open and NULL after: the unique index lets a condition open only once, and a
-- resolved alert never blocks the same condition from opening again later.
-- Runs also count the Mailchimp throttles (429, bare 403) and other retried failures their batches met, for the
-- throttle and error alerts.

-- AlterTable
ALTER TABLE "sync_runs" ADD COLUMN     "throttles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retries" INTEGER NOT NULL DEFAULT 0;

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('open', 'resolved');

-- CreateTable
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "open_key" TEXT,
    "severity" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_open_key_key" ON "alerts"("open_key");

-- CreateIndex
CREATE INDEX "alerts_status_team_idx" ON "alerts"("status", "team");

-- CreateIndex
CREATE INDEX "alerts_last_seen_at_idx" ON "alerts"("last_seen_at");

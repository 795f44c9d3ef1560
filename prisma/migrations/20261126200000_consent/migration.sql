-- Consent flow-back: Mailchimp webhook events, write-backs to Odoo, and approvals for large batches.
CREATE TYPE "ConsentEventStatus" AS ENUM ('received', 'processed', 'ignored', 'failed');
CREATE TYPE "ConsentWritebackAction" AS ENUM ('blacklist', 'unblacklist', 'set_field');
CREATE TYPE "ConsentWritebackStatus" AS ENUM ('pending', 'done', 'failed');
CREATE TYPE "ConsentApprovalStatus" AS ENUM ('pending', 'approved', 'rejected');

CREATE TABLE "mailchimp_webhook_events" (
    "id" BIGSERIAL NOT NULL,
    "list_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "email" TEXT,
    "fired_at" TIMESTAMPTZ(3),
    "source" TEXT NOT NULL DEFAULT 'webhook',
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "status" "ConsentEventStatus" NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "mailchimp_webhook_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "mailchimp_webhook_events_dedupe_key_key" ON "mailchimp_webhook_events"("dedupe_key");
CREATE INDEX "mailchimp_webhook_events_status_id_idx" ON "mailchimp_webhook_events"("status", "id");
CREATE INDEX "mailchimp_webhook_events_list_id_email_idx" ON "mailchimp_webhook_events"("list_id", "email");
CREATE INDEX "mailchimp_webhook_events_received_at_idx" ON "mailchimp_webhook_events"("received_at");

CREATE TABLE "consent_approvals" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "sample" JSONB NOT NULL DEFAULT '[]',
    "status" "ConsentApprovalStatus" NOT NULL DEFAULT 'pending',
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "consent_approvals_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "consent_approvals_status_idx" ON "consent_approvals"("status");

CREATE TABLE "consent_writebacks" (
    "id" BIGSERIAL NOT NULL,
    "event_id" BIGINT NOT NULL,
    "audience_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "action" "ConsentWritebackAction" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "ConsentWritebackStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cause" JSONB NOT NULL DEFAULT '{}',
    "approval_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    CONSTRAINT "consent_writebacks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "consent_writebacks_event_id_action_key" ON "consent_writebacks"("event_id", "action");
CREATE INDEX "consent_writebacks_status_next_attempt_at_idx" ON "consent_writebacks"("status", "next_attempt_at");
CREATE INDEX "consent_writebacks_audience_id_email_idx" ON "consent_writebacks"("audience_id", "email");
CREATE INDEX "consent_writebacks_approval_id_idx" ON "consent_writebacks"("approval_id");
ALTER TABLE "consent_writebacks" ADD CONSTRAINT "consent_writebacks_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "mailchimp_webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "consent_writebacks" ADD CONSTRAINT "consent_writebacks_approval_id_fkey"
    FOREIGN KEY ("approval_id") REFERENCES "consent_approvals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

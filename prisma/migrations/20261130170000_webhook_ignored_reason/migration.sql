-- Why a stored Mailchimp event was not applied (e.g. its list is not an audience of the active policy), shown on
-- the Consent page. Null for events that were applied or are waiting.

-- AlterTable
ALTER TABLE "mailchimp_webhook_events" ADD COLUMN "ignored_reason" TEXT;

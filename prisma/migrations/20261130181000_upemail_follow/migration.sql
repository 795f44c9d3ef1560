-- AlterTable
ALTER TABLE "sync_records" ADD COLUMN     "moved_to" TEXT;

-- DropIndex
DROP INDEX "consent_writebacks_event_id_action_key";

-- CreateIndex
CREATE UNIQUE INDEX "consent_writebacks_event_id_action_email_key" ON "consent_writebacks"("event_id", "action", "email");

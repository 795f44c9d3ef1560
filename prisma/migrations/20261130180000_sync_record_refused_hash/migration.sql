-- AlterTable
ALTER TABLE "sync_records" ADD COLUMN     "refused_hash" TEXT;

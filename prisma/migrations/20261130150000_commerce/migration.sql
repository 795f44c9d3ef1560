-- E-commerce sync (lib/commerce): the stores Bridgeline created (one per Odoo company, audience and currency) and
-- the payload hash of every product, customer and order it wrote, so an unchanged run writes nothing. A run's
-- commerce step is one more sync_batches row (kind 'commerce'), queued once the member batches are done.

-- AlterEnum
ALTER TYPE "BatchKind" ADD VALUE 'commerce';

-- CreateTable
CREATE TABLE "commerce_stores" (
    "store_id" TEXT NOT NULL,
    "company_id" INTEGER NOT NULL,
    "list_id" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "syncing" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commerce_stores_pkey" PRIMARY KEY ("store_id")
);

-- CreateTable
CREATE TABLE "commerce_records" (
    "store_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "run_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "commerce_records_pkey" PRIMARY KEY ("store_id","kind","record_id")
);

-- Integration audit reports (lib/audit): each audit's findings as one JSON document, for the console's
-- Integration audit page (the latest) and `npm run audit`. Old reports are pruned when a new one is saved.

-- CreateTable
CREATE TABLE "audit_reports" (
    "id" BIGSERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_reports_created_at_idx" ON "audit_reports"("created_at");

-- The commerce step and the reconciliation look up the members of the partners in hand (partner_ids && ids)
-- instead of holding every member of the business in the worker's memory.
CREATE INDEX "sync_records_partner_ids_idx" ON "sync_records" USING GIN ("partner_ids");
CREATE INDEX "reconcile_expected_partner_ids_idx" ON "reconcile_expected" USING GIN ("partner_ids");

-- The commerce step and the reconciliation look up the members of the partners in hand (partner_ids && ids)
-- instead of holding every member of the business in the worker's memory. fastupdate off: both tables are written
-- right before they are read (a run's batches, a pass's expected members), so a pending list would hold most rows
-- and every lookup would scan it whole (2,000 ids against 366k rows: 5.7 s with the pending list, 36 ms without);
-- writing the index directly costs ~10 us a row (3.5 s -> 7.3 s for 366k inserts).
CREATE INDEX "sync_records_partner_ids_idx" ON "sync_records" USING GIN ("partner_ids") WITH (fastupdate = off);
CREATE INDEX "reconcile_expected_partner_ids_idx" ON "reconcile_expected" USING GIN ("partner_ids") WITH (fastupdate = off);

-- The exception queue's order (newest first within a status): the Exceptions page's first 200 and the CSV export's
-- keyset pages read it from the index instead of sorting every open exception.
CREATE INDEX "sync_exceptions_status_last_seen_at_id_idx" ON "sync_exceptions" ("status", "last_seen_at" DESC, "id" DESC);

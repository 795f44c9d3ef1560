import type { BatchRecord } from "./batch-types.js";

// The Batch resource as GET /batches/{id} returns it.

export function batchView(batch: BatchRecord, apiOrigin: string): Record<string, unknown> {
  return {
    id: batch.id,
    status: batch.status,
    total_operations: batch.total_operations,
    finished_operations: batch.finished_operations,
    errored_operations: batch.errored_operations,
    submitted_at: batch.submitted_at,
    completed_at: batch.completed_at,
    response_body_url: batch.response_body_url,
    _links: [
      { rel: "self", href: `${apiOrigin}/batches/${batch.id}`, method: "GET" },
      { rel: "delete", href: `${apiOrigin}/batches/${batch.id}`, method: "DELETE" },
    ],
  };
}

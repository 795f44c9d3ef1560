// A /batches job as the account stores it; status_history is exposed only under /_emulator.

export type BatchStatus = "pending" | "preprocessing" | "started" | "finalizing" | "finished";

export interface BatchOperation {
  method: string;
  path: string;
  params?: Record<string, unknown>;
  body?: string;
  operation_id?: string;
}

export interface BatchRecord {
  id: string;
  status: BatchStatus;
  operations: BatchOperation[];
  total_operations: number;
  finished_operations: number;
  errored_operations: number;
  submitted_at: string;
  completed_at: string;
  response_body_url: string;
  status_history: BatchStatus[];
  cancelled: boolean;
}

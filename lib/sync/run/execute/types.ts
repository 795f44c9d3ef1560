import type { MailchimpClient, MailchimpError, PollOptions, RetryPolicy } from "@/lib/mailchimp";
import type { KnownMemberStatus } from "@/lib/consent";
import type { PlannedRecord } from "@/lib/sync/types";

/** What happened to one planned record in one batch. */
export type RecordOutcome =
  | { record: PlannedRecord; kind: "synced"; memberStatus?: string }
  /** Mailchimp refused it for good (bad email, bad merge value, compliance, forgotten): an exception. */
  | { record: PlannedRecord; kind: "rejected"; error: OutcomeError }
  /** Could not be applied this time (transient failures past the retries): re-planned next run. */
  | { record: PlannedRecord; kind: "failed"; error: OutcomeError };

export interface OutcomeError {
  kind: string;
  message: string;
  status?: number;
  title?: string;
  field?: string;
  fieldMessage?: string;
}

export interface ExecuteContext {
  client: MailchimpClient;
  retry: RetryPolicy;
  poll: PollOptions;
  /** Checked between requests: a cancelled run stops after the request in flight. */
  shouldStop: () => Promise<boolean>;
  /** upsert_existing stores the Mailchimp batch id right after submitting, so a re-run polls instead of resending. */
  rememberBatchId?: (mailchimpBatchId: string) => Promise<void>;
  knownBatchId?: string | null;
  /** Mailchimp's status for the member as Bridgeline last saw it (sync_records.member_status), for the firewall. */
  knownStatus: (record: Pick<PlannedRecord, "audienceId" | "email">) => KnownMemberStatus | null;
}

/** Batch subscribe writes to one audience: the batch's. */
export interface SubscribeContext extends ExecuteContext {
  audienceId: string;
}

export function errorOf(err: MailchimpError): OutcomeError {
  const field = err.errors[0];
  return {
    kind: err.kind,
    message: err.detail ?? err.message,
    ...(err.status === undefined ? {} : { status: err.status }),
    ...(err.title === undefined ? {} : { title: err.title }),
    ...(field ? { field: field.field, fieldMessage: field.message } : {}),
  };
}

/**
 * Wire shapes (snake_case, as in the Marketing API v3 spec) for the requests we send and the response fields we
 * read. Bodies stay in wire format so they can be checked against the OpenAPI spec as they are.
 */
export type MemberWriteStatus = "subscribed" | "unsubscribed" | "cleaned" | "pending" | "transactional";
export type MemberStatus = MemberWriteStatus | "archived";
export type MergeValue = string | number | Record<string, string>;

export interface Member {
  id: string;
  email_address: string;
  unique_email_id?: string;
  status: MemberStatus;
  merge_fields: Record<string, MergeValue>;
  tags?: Array<{ id: number; name: string }>;
  last_changed?: string;
  language?: string;
  vip?: boolean;
  unsubscribe_reason?: string;
  timestamp_opt?: string;
  source?: string;
  list_id?: string;
}

/** Member fields Bridgeline may send in any member write (Odoo-owned data, never consent). */
interface MemberFields {
  email_address: string;
  email_type?: "html" | "text";
  merge_fields?: Record<string, MergeValue>;
  interests?: Record<string, boolean>;
  language?: string;
  vip?: boolean;
  ip_signup?: string;
  timestamp_signup?: string;
  ip_opt?: string;
  timestamp_opt?: string;
}

export interface MemberPutBody extends MemberFields {
  /** Used only when the member is new. */
  status_if_new: MemberWriteStatus;
  /** Changes consent of an existing member: only send when the consent policy allows it. */
  status?: MemberWriteStatus;
}

export interface BatchMember extends MemberFields {
  status?: MemberWriteStatus;
}

export interface TagChange {
  name: string;
  status: "active" | "inactive";
}

export type MergeFieldType =
  | "text" | "number" | "address" | "phone" | "date" | "url" | "imageurl" | "radio" | "dropdown" | "birthday" | "zip";

export interface MergeFieldInput {
  name: string;
  type: MergeFieldType;
  tag?: string;
  required?: boolean;
  default_value?: string;
  public?: boolean;
  display_order?: number;
  help_text?: string;
  options?: { default_country?: number; phone_format?: string; date_format?: string; choices?: string[]; size?: number };
}

export interface MergeField extends MergeFieldInput {
  merge_id: number;
  tag: string;
  list_id?: string;
}

export interface List {
  id: string;
  name: string;
  stats?: { member_count?: number; unsubscribe_count?: number; cleaned_count?: number };
  [key: string]: unknown;
}

export interface WebhookInput {
  url: string;
  events?: Partial<Record<"subscribe" | "unsubscribe" | "profile" | "cleaned" | "upemail" | "campaign", boolean>>;
  sources?: Partial<Record<"user" | "admin" | "api", boolean>>;
}

export interface Webhook extends WebhookInput {
  id: string;
  list_id?: string;
}

export interface BatchOperation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  params?: Record<string, string | number | boolean>;
  /** A JSON string, as the API wants it; batches.start() accepts objects and stringifies them. */
  body?: string;
  operation_id?: string;
}

export type BatchStatusName = "pending" | "preprocessing" | "started" | "finalizing" | "finished";

export interface BatchStatus {
  id: string;
  status: BatchStatusName;
  total_operations: number;
  finished_operations: number;
  errored_operations: number;
  submitted_at?: string;
  completed_at?: string;
  response_body_url?: string;
}

// Domain state of one emulated Mailchimp account. Everything lives in memory; /_emulator/reset drops it.

export const WRITABLE_STATUSES = ["subscribed", "unsubscribed", "cleaned", "pending", "transactional"] as const;
export type WritableStatus = (typeof WRITABLE_STATUSES)[number];
export type MemberStatus = WritableStatus | "archived";
export type Source = "api" | "user" | "admin";

export interface MemberTag {
  id: number;
  name: string;
  date_added: string;
}

export interface Member {
  hash: string;
  email_address: string;
  unique_email_id: string;
  contact_id: string;
  web_id: number;
  email_type: string;
  status: MemberStatus;
  // The status a member had before it was archived: compliance follows the person, not the archive flag.
  statusBeforeArchive: WritableStatus | null;
  unsubscribe_reason: string;
  merge_fields: Record<string, unknown>;
  interests: Record<string, boolean>;
  ip_signup: string;
  timestamp_signup: string;
  ip_opt: string;
  timestamp_opt: string;
  member_rating: number;
  last_changed: string;
  lastChangedMs: number;
  language: string;
  vip: boolean;
  source: string;
  tags: Map<string, MemberTag>;
  list_id: string;
}

export interface MergeField {
  merge_id: number;
  tag: string;
  name: string;
  type: string;
  required: boolean;
  default_value: string;
  public: boolean;
  display_order: number;
  options: Record<string, unknown>;
  help_text: string;
}

export interface Segment {
  id: number;
  name: string;
  type: "static" | "saved";
  created_at: string;
  updated_at: string;
  options: Record<string, unknown> | null;
  members: Set<string>;
}

export interface Webhook {
  id: string;
  url: string;
  events: Record<string, boolean>;
  sources: Record<string, boolean>;
  disabled: boolean;
}

export interface AudienceList {
  id: string;
  web_id: number;
  settings: Record<string, unknown>;
  date_created: string;
  // Map order is kept equal to last_changed order: every write deletes and re-inserts the member.
  members: Map<string, Member>;
  forgotten: Set<string>;
  mergeFields: MergeField[];
  nextMergeId: number;
  tagIds: Map<string, number>;
  segments: Map<number, Segment>;
  webhooks: Map<string, Webhook>;
}

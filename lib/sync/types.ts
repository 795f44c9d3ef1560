/**
 * The contract between the planner (lib/sync/plan, lib/sync/policy) and the runtime (lib/sync/run).
 * See README.md beside this file.
 */

/** Mailchimp's address merge value (policy payload.address); sent only when every part is known. */
// A type alias, not an interface, so it stays assignable to Record<string, string> (lib/mailchimp MergeValue).
export type MergeAddress = {
  addr1: string;
  city: string;
  state: string;
  zip: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
};

/** Mailchimp merge fields the engine owns, by tag. Values are Odoo-owned data only. */
export type MergeValues = Record<string, string | number | MergeAddress>;

/** What Bridgeline wants a member of one audience to look like. Hashing this decides "changed or not". */
export interface OdooOwnedPayload {
  merge_fields: MergeValues;
  language?: string;
  /** Full names, already namespaced (e.g. "odoo:b2b"); only tags with the policy's prefix are ever managed. */
  tags: string[];
}

/** One planned record inside a sync_batches.records array. */
export interface PlannedRecord {
  /** The audience the member is written to (an upsert batch may carry several audiences). */
  audienceId: string;
  email: string;
  partnerIds: number[];
  /** null: the record left the engine's scope (full run) and only its managed tags are removed. */
  payload: OdooOwnedPayload | null;
  /** sha256 of the canonical JSON of payload; null with payload null. */
  hash: string | null;
  /** Managed tags to switch on and off for an existing member (diff against sync_records.applied_tags). */
  tagsToAdd: string[];
  tagsToRemove: string[];
  /** Status a NEW member gets (policy). Never sent for an existing member. */
  statusIfNew: "subscribed" | "pending" | "transactional";
}

export type ExclusionReason =
  | "not_a_buyer"
  | "supplier_only"
  | "staff"
  | "company_record"
  | "archived"
  | "system_partner"
  | "excluded_by_tag"
  | "excluded_by_field"
  | "company_person_not_selected"
  | "blacklisted_in_odoo";

export type ExceptionKind =
  | "missing_email"
  | "invalid_email"
  | "multiple_emails"
  | "duplicate_email"
  | "staff_email"
  | "no_route"
  | "field_missing"
  | "mailchimp_rejected"
  | "compliance_refused"
  | "forgotten_email"
  | "email_changed_in_mailchimp"
  | "consent_refused"
  /** lib/commerce: an order, product or customer the store refused (detail names the Odoo order). */
  | "commerce_rejected";

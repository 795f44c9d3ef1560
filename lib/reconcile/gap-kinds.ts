/**
 * Every kind of gap a read-back reports, in the order the console lists them. Member kinds compare one
 * (audience, email); order kinds (missing, extra or different orders) slot in beside them with the order id as
 * the gap's subject once the commerce engine writes orders.
 */
export const MEMBER_GAP_KINDS = ["missing", "not_eligible", "merge_drift", "tag_drift", "consent_drift", "mailchimp_only"] as const;
export type GapKind = (typeof MEMBER_GAP_KINDS)[number];

/** How a gap of each kind is closed from the Reconciliation page. */
export type RepairRoute =
  /** A targeted sync run (planner, consent firewall, batches, audit) for the records. */
  | "resync"
  /** A consent event into lib/consent: the write-back to Odoo (with its approvals), never a write to Mailchimp. */
  | "consent_writeback"
  /** Not Bridgeline's to touch. */
  | "none";

export const GAP_KINDS: Record<GapKind, { label: string; repair: RepairRoute; explain: string }> = {
  missing: { label: "Missing in Mailchimp", repair: "resync", explain: "Eligible in Odoo and routed here, but not a member of the audience. Records Mailchimp refused are in Exceptions instead." },
  not_eligible: {
    label: "No longer eligible",
    repair: "resync",
    explain: "Managed by Bridgeline and still in Mailchimp, but Odoo no longer routes it here. The policy removes its managed tags; it never unsubscribes or deletes anyone.",
  },
  merge_drift: { label: "Merge-field drift", repair: "resync", explain: "An Odoo-owned merge field (or the language) differs from what Odoo says." },
  tag_drift: { label: "Managed-tag drift", repair: "resync", explain: "The managed tags in Mailchimp differ from the ones Odoo implies." },
  consent_drift: {
    label: "Consent drift",
    repair: "consent_writeback",
    explain: "Mailchimp opted out while Odoo is not blacklisted, or the reverse. Mailchimp is the master of consent: the fix goes to Odoo.",
  },
  mailchimp_only: { label: "Only in Mailchimp", repair: "none", explain: "Members Bridgeline never wrote: shown, never touched." },
};

export const isGapKind = (value: string): value is GapKind => (MEMBER_GAP_KINDS as readonly string[]).includes(value);

/** Zero for every kind: per-audience counts always name every kind, so "0" is a count and not a missing key. */
export function zeroGapCounts(): Record<GapKind, number> {
  return Object.fromEntries(MEMBER_GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;
}

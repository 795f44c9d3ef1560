/**
 * Every kind of gap a read-back reports, in the order the console lists them. Member kinds compare one
 * (audience, email); order kinds compare one order of one of Bridgeline's stores, with the Mailchimp order id as
 * the gap's subject (compare/find-order-gaps.ts).
 */
export const MEMBER_GAP_KINDS = ["missing", "not_eligible", "merge_drift", "tag_drift", "consent_drift", "mailchimp_only"] as const;
export const ORDER_GAP_KINDS = ["order_missing", "order_extra", "order_total", "order_status"] as const;
export const ALL_GAP_KINDS = [...MEMBER_GAP_KINDS, ...ORDER_GAP_KINDS] as const;
export type MemberGapKind = (typeof MEMBER_GAP_KINDS)[number];
export type OrderGapKind = (typeof ORDER_GAP_KINDS)[number];
export type GapKind = (typeof ALL_GAP_KINDS)[number];

/** How a gap of each kind is closed from the Reconciliation page. */
export type RepairRoute =
  /** A targeted sync run (planner, consent firewall, batches, audit) for the records. */
  | "resync"
  /** A consent event into lib/consent: the write-back to Odoo (with its approvals), never a write to Mailchimp. */
  | "consent_writeback"
  /**
   * A targeted run whose e-commerce step re-sends the orders (whatever the commerce sync remembers having sent) or
   * deletes the ones Odoo does not put in that store.
   */
  | "commerce"
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
  order_missing: {
    label: "Order missing",
    repair: "commerce",
    explain: "A confirmed Odoo order of a buyer routed to this audience is not in its store (never sent, refused, or deleted in Mailchimp). Repair sends it again.",
  },
  order_extra: {
    label: "Extra order",
    repair: "commerce",
    explain: "An order in one of Bridgeline's stores that Odoo does not have as a confirmed order there (deleted, a quotation, or another buyer's audience). Odoo is the master of transactions: repair deletes it from this store.",
  },
  order_total: {
    label: "Order total differs",
    repair: "commerce",
    explain: "Mailchimp's order_total differs from Odoo's total minus its posted credit notes. Repair sends Odoo's order again (the commerce sync alone would not: nothing changed in Odoo).",
  },
  order_status: {
    label: "Order status differs",
    repair: "commerce",
    explain: "Cancelled or refunded in Odoo but not in Mailchimp, or the reverse. Repair sends Odoo's order again, silently (no order notification).",
  },
};

export const isGapKind = (value: string): value is GapKind => (ALL_GAP_KINDS as readonly string[]).includes(value);
export const isOrderGapKind = (value: string): value is OrderGapKind => (ORDER_GAP_KINDS as readonly string[]).includes(value);

/** Zero for every kind: per-audience counts always name every kind, so "0" is a count and not a missing key. */
export function zeroGapCounts(): Record<GapKind, number> {
  return Object.fromEntries(ALL_GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;
}

export type RepairableKind = Exclude<GapKind, "mailchimp_only">;
export const REPAIRABLE_KINDS = ALL_GAP_KINDS.filter((k): k is RepairableKind => GAP_KINDS[k].repair !== "none");

/** Kinds a person repairs from the Reconciliation page (a targeted run or a consent write-back). */
export const isRepairable = (kind: string): kind is RepairableKind => isGapKind(kind) && GAP_KINDS[kind].repair !== "none";

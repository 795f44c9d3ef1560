/** One gap of the latest pass as a repair reads it (reconcile_gaps). */
export interface GapRow {
  audience_id: string;
  email: string;
  /** The member's email, or an order gap's Mailchimp order id. */
  subject: string;
  partner_ids: number[] | null;
  detail: Record<string, unknown>;
}

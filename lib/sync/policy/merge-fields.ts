/**
 * The Mailchimp merge fields the engine owns. The runtime creates the missing ones on each audience; the
 * planner fills them (plan/build-payload.ts). Money stays out until revenue sync handles credit notes:
 * order counts and the last order date are enough buying behaviour for segments.
 */
export type MergeFieldType = "text" | "number" | "date" | "phone" | "address";

export interface EngineMergeField {
  tag: string;
  name: string;
  type: MergeFieldType;
  /** Mailchimp's date_format option for date fields. */
  dateFormat?: string;
}

export const ENGINE_MERGE_FIELDS: readonly EngineMergeField[] = [
  { tag: "FNAME", name: "First Name", type: "text" },
  { tag: "LNAME", name: "Last Name", type: "text" },
  { tag: "COMPANY", name: "Company", type: "text" },
  // "text", not "phone": Mailchimp's phone type rejects international formats in US-format audiences.
  { tag: "PHONE", name: "Phone", type: "text" },
  { tag: "COUNTRY", name: "Country", type: "text" },
  { tag: "ODOOID", name: "Odoo partner ids", type: "text" },
  { tag: "CUSTTYPE", name: "Customer type", type: "text" },
  { tag: "ORDERS", name: "Confirmed orders", type: "number" },
  { tag: "LASTORDER", name: "Last order date", type: "date", dateFormat: "YYYY-MM-DD" },
];

/**
 * Off by default: Mailchimp refuses an address without addr1, city, state and zip, and many Odoo partners
 * (most outside the US) have no state, so it is sent only when complete and only when the policy asks.
 */
export const ADDRESS_MERGE_FIELD: EngineMergeField = { tag: "ADDRESS", name: "Address", type: "address" };

/** The merge fields a policy fills: what the runtime must find (or create) on every routed audience. */
export function mergeFieldsFor(policy: { payload: { address: boolean } }): EngineMergeField[] {
  return policy.payload.address ? [...ENGINE_MERGE_FIELDS, ADDRESS_MERGE_FIELD] : [...ENGINE_MERGE_FIELDS];
}

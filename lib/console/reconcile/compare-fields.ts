/** Which side is the master of a field (DEVELOPERS.md invariant 1): Odoo owns identity, Mailchimp consent. */
export type FieldOwner = "odoo" | "mailchimp";

export interface FieldRow {
  field: string;
  owner: FieldOwner;
  odoo: unknown;
  sent: unknown;
  mailchimp: unknown;
  /** Odoo and Mailchimp disagree on a field Odoo owns (consent is Mailchimp's, so it never "differs" here). */
  differs: boolean;
}

interface Side {
  merge_fields?: Record<string, unknown>;
  language?: string | null;
  tags?: string[];
  status?: string;
}

/** Field-by-field rows of one member: every owned merge field, the language, the managed tags, then the status. */
export function compareFields(s: { odoo: Side | null; sent: Side | null; mailchimp: Side | null; prefix: string }): FieldRow[] {
  const tags = Object.keys({ ...s.odoo?.merge_fields, ...s.sent?.merge_fields });
  const row = (field: string, pick: (x: Side) => unknown, owner: FieldOwner = "odoo"): FieldRow => {
    const odoo = s.odoo ? pick(s.odoo) : undefined;
    const mailchimp = s.mailchimp ? pick(s.mailchimp) : undefined;
    return { field, owner, odoo, sent: s.sent ? pick(s.sent) : undefined, mailchimp, differs: owner === "odoo" && odoo !== undefined && !same(odoo, mailchimp) };
  };
  const managed = (x: Side) => (x.tags ?? []).filter((t) => t.startsWith(s.prefix)).sort().join(", ");
  return [
    ...tags.sort().map((tag) => row(tag, (x) => x.merge_fields?.[tag] ?? "")),
    ...(s.odoo && "language" in s.odoo ? [row("language", (x) => x.language ?? "")] : []),
    row("managed tags", managed),
    row("status", (x) => x.status, "mailchimp"),
  ];
}

function same(a: unknown, b: unknown): boolean {
  if (a !== null && typeof a === "object") return b !== null && typeof b === "object" && Object.entries(a).every(([k, v]) => (b as Record<string, unknown>)[k] === v);
  return a === b;
}

/** A domain term ['field', 'operator', value] or a prefix operator '&' | '|' | '!'. */
export type OdooDomainTerm = [string, string, unknown] | "&" | "|" | "!";
export type OdooDomain = OdooDomainTerm[];

export type OdooContext = Record<string, unknown>;

/** Every record Odoo returns has an id; other fields are as Odoo sent them (false for empty). */
export type OdooRecord = { id: number } & Record<string, unknown>;

export interface CallOptions {
  context?: OdooContext;
  /** Include archived rows (context active_test=false). */
  activeTest?: boolean;
}

export interface SearchPageOptions extends CallOptions {
  domain?: OdooDomain;
  fields: string[];
  /** Required on purpose: an unpaged search_read of thousands of rows times out a worker. */
  limit: number;
  offset?: number;
  order?: string;
}

export interface FieldMeta {
  type: string;
  string?: string;
  required?: boolean;
  readonly?: boolean;
  relation?: string;
  selection?: Array<[string, string]>;
  [attribute: string]: unknown;
}

// Shapes of the emulated Odoo data model. Records are stored "raw" (cents for money,
// epoch seconds for datetimes, false for empty) and formatted only when read, which keeps
// a 100k-partner data set small and cheap to build.
import type { Store } from "../store/store.js";

export type FieldType =
  | "integer" | "float" | "monetary" | "boolean" | "char" | "text" | "selection"
  | "date" | "datetime" | "many2one" | "one2many" | "many2many";

export type Raw = unknown;
export type Rec = Record<string, Raw> & { id: number };

export interface FieldSpec {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back here. */
  inverse?: string;
  selection?: ReadonlyArray<readonly [string, string]>;
  required?: boolean;
  readonly?: boolean;
  /** Non-stored computed value, evaluated on read/search. */
  compute?: (rec: Rec, store: Store) => Raw;
  /** Stored but derived by the model's hooks; writes to it are ignored like Odoo's computed fields. */
  derived?: boolean;
  /** A non-stored field Odoo can still search on (it has a _search method). */
  searchable?: boolean;
  /**
   * With compute: a field Odoo stores (a stored related or computed field, e.g. sale.order.line.state) that the
   * emulator derives on every read instead, so it can never go stale when its source changes. Reported, searched
   * and sorted as stored.
   */
  stored?: boolean;
  default?: Raw | ((store: Store) => Raw);
  help?: string;
  /** A float Odoo reports as float but we keep in integer cents (price_unit, list_price). */
  cents?: boolean;
}

export interface ModelSpec {
  name: string;
  description: string;
  /** Odoo's _order, used when the caller gives no order. */
  order: string;
  fields: Record<string, FieldSpec>;
  /** Field backing display_name when no custom displayName is given. */
  recName?: string;
  displayName?: (rec: Rec, store: Store) => string;
  /** Create-time defaults and derived values, mutates vals before insert. */
  onCreate?: (rec: Rec, store: Store) => void;
  /** Recompute stored derived fields after a write; changed = written field names, before = their old values. */
  onWrite?: (rec: Rec, changed: Set<string>, store: Store, before: Record<string, Raw>) => void;
  /** Recompute what depended on records just deleted (they are gone from the table). */
  afterUnlink?: (recs: Rec[], store: Store) => void;
  /** Raise the error Odoo raises when a record may not be deleted. */
  beforeUnlink?: (recs: Rec[], store: Store) => void;
  /** Odoo-specific create semantics (mail.blacklist returns existing rows). */
  createOverride?: (vals: Record<string, Raw>[], store: Store, create: (v: Record<string, Raw>) => number) => number[];
  /** SQL and Python constraints, checked after create/write (throw ValidationError). */
  constraints?: (rec: Rec, store: Store) => void;
  /** Normalize incoming values (mail.blacklist normalizes email on write). */
  normalizeVals?: (vals: Record<string, Raw>) => void;
}

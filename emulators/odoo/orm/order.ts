// ORDER BY with PostgreSQL semantics: NULLS LAST for ASC and FIRST for DESC unless told,
// many2one keys sort by the target's display name. Text compares by code point (C collation).
import { valueError } from "../errors.js";
import type { ModelSpec, Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";
import { rawValue } from "../store/values.js";

export interface OrderKey { field: string; desc: boolean; nullsFirst: boolean }

const ITEM = /^\s*"?([a-z0-9:_]+)"?(\.id)?(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

export function parseOrder(spec: ModelSpec, order: string): OrderKey[] {
  const invalid = () =>
    valueError(`Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`);
  if (order.trim() === "") return parseOrder(spec, spec.order);
  const keys: OrderKey[] = [];
  for (const part of order.split(",")) {
    const m = part.match(ITEM);
    if (!m) throw invalid();
    const name = m[1]!;
    const field = spec.fields[name];
    if (!field) throw valueError(`Invalid field ${JSON.stringify(name).replace(/"/g, "'")} on model '${spec.name}'`);
    // Odoo 17 warns and skips keys it cannot turn into SQL (non-stored, x2many).
    if ((field.compute && !field.stored && name !== "lst_price") || field.type === "one2many" || field.type === "many2many") continue;
    const desc = (m[3] ?? "asc").toLowerCase() === "desc";
    const nulls = m[4]?.toLowerCase();
    keys.push({ field: name, desc, nullsFirst: nulls ? nulls === "first" : desc });
  }
  return keys;
}

type Key = string | number | null;

function keyOf(store: Store, spec: ModelSpec, name: string, rec: Rec): Key {
  const field = spec.fields[name]!;
  const raw = rawValue(store, field, name, rec);
  if (field.type === "many2one") return typeof raw === "number" ? store.displayName(field.relation!, raw) : null;
  if (field.type === "boolean") return raw === true ? 1 : 0;
  if (raw === false || raw === undefined || raw === null || raw === "") return null;
  return raw as string | number;
}

export function sortRows(store: Store, spec: ModelSpec, rows: Rec[], keys: OrderKey[]): Rec[] {
  if (keys.length === 0) return rows;
  if (keys.length === 1 && keys[0]!.field === "id") return keys[0]!.desc ? [...rows].reverse() : rows;
  const decorated = rows.map((rec) => ({ rec, k: keys.map((key) => keyOf(store, spec, key.field, rec)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const x = a.k[i]!;
      const y = b.k[i]!;
      if (x === y) continue;
      if (x === null) return key.nullsFirst ? -1 : 1;
      if (y === null) return key.nullsFirst ? 1 : -1;
      const c = x < y ? -1 : 1;
      return key.desc ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.rec);
}

// Fields every Odoo model has (the "magic" columns) and small field constructors.
import type { FieldSpec, Rec } from "./types.js";
import type { Store } from "../store/store.js";

export const char = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "char", string, ...extra });
export const int = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "integer", string, default: 0, ...extra });
export const bool = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "boolean", string, default: false, ...extra });
export const money = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "monetary", string, default: 0, ...extra });
export const m2o = (relation: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "many2one", relation, string, ...extra });
export const o2m = (relation: string, inverse: string, string: string): FieldSpec => ({ type: "one2many", relation, inverse, string });
export const m2m = (relation: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: "many2many", relation, string, default: [], ...extra });
export const sel = (string: string, selection: ReadonlyArray<readonly [string, string]>, extra: Partial<FieldSpec> = {}): FieldSpec =>
  ({ type: "selection", string, selection, ...extra });

export function magicFields(model: string): Record<string, FieldSpec> {
  return {
    id: { type: "integer", string: "ID", readonly: true, derived: true },
    display_name: {
      type: "char",
      string: "Display Name",
      readonly: true,
      searchable: true,
      compute: (rec: Rec, store: Store) => store.displayName(model, rec.id),
    },
    create_date: { type: "datetime", string: "Created on", readonly: true, derived: true },
    create_uid: { type: "many2one", relation: "res.users", string: "Created by", readonly: true, derived: true },
    write_date: { type: "datetime", string: "Last Updated on", readonly: true, derived: true },
    write_uid: { type: "many2one", relation: "res.users", string: "Last Updated by", readonly: true, derived: true },
  };
}

export const activeField = (): FieldSpec => bool("Active", { default: true });

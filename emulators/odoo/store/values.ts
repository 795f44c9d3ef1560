// Conversion between raw storage and Odoo's wire values. Reading: empty is false even
// for strings, many2one is [id, display_name], x2many is a list of ids, money leaves
// cents. Writing: the same coercions and refusals Odoo's convert_to_cache applies.
import { OdooError, valueError } from "../errors.js";
import type { FieldSpec, ModelSpec, Raw, Rec } from "../schema/types.js";
import { formatDatetime, parseDateStrict, parseDatetimeStrict } from "./datetime.js";
import { pyRepr } from "./pyrepr.js";
import type { Store } from "./store.js";

export interface ReadCtx { activeTest: boolean }

export function rawValue(store: Store, field: FieldSpec, name: string, rec: Rec): Raw {
  return field.compute ? field.compute(rec, store) : rec[name];
}

/** Ids behind an x2many, honouring active_test on the comodel as Odoo's x2many reads do. */
export function x2manyIds(store: Store, field: FieldSpec, name: string, rec: Rec, ctx: ReadCtx): number[] {
  const comodel = store.table(field.relation!);
  const ids = field.type === "one2many"
    ? comodel.inverseOf(field.inverse!).get(rec.id) ?? []
    : ((rec[name] as number[] | undefined) ?? []);
  const hasActive = "active" in comodel.spec.fields;
  return ids.filter((id) => {
    const r = comodel.byId.get(id);
    return r !== undefined && (!ctx.activeTest || !hasActive || r.active !== false);
  });
}

export function formatValue(store: Store, field: FieldSpec, name: string, rec: Rec, ctx: ReadCtx): unknown {
  if (field.type === "one2many" || field.type === "many2many") return x2manyIds(store, field, name, rec, ctx);
  const raw = rawValue(store, field, name, rec);
  switch (field.type) {
    case "integer":
      return typeof raw === "number" ? raw : 0;
    case "float":
    case "monetary":
      if (typeof raw !== "number") return 0;
      return field.cents || field.type === "monetary" ? Math.round(raw) / 100 : raw;
    case "boolean":
      return raw === true;
    case "datetime":
      return typeof raw === "number" ? formatDatetime(raw) : false;
    case "many2one":
      return typeof raw === "number" && store.get(field.relation!, raw) ? [raw, store.displayName(field.relation!, raw)] : false;
    default:
      return typeof raw === "string" && raw !== "" ? raw : false;
  }
}

/** Convert a value sent by a client into storage, refusing what Odoo would refuse. */
export function toRaw(store: Store, spec: ModelSpec, name: string, value: unknown, current?: Rec): Raw {
  const field = spec.fields[name]!;
  const wrong = () => valueError(`Wrong value for ${spec.name}.${name}: ${pyRepr(value)}`);
  if (value === null) value = false;
  switch (field.type) {
    case "char":
    case "text":
      if (value === false || value === "") return false;
      if (typeof value === "object") throw wrong();
      return String(value);
    case "selection":
      if (value === false) return false;
      if (!field.selection!.some(([k]) => k === value)) throw wrong();
      return value;
    case "boolean":
      return Boolean(value);
    case "integer":
    case "float":
    case "monetary": {
      const n = value === false ? 0 : typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw valueError(`could not convert string to float: ${pyRepr(value)}`);
      if (field.type === "integer") return Math.trunc(n);
      return field.cents || field.type === "monetary" ? Math.round(n * 100) : n;
    }
    case "date":
      if (value === false) return false;
      if (typeof value !== "string") throw wrong();
      return parseDateStrict(value);
    case "datetime":
      if (value === false) return false;
      if (typeof value !== "string") throw wrong();
      return parseDatetimeStrict(value);
    case "many2one":
      if (value === false || value === 0) return false;
      if (typeof value !== "number" || !Number.isInteger(value)) throw wrong();
      if (!store.get(field.relation!, value)) throw foreignKey(store, spec, name, value);
      return value;
    case "many2many":
      return applyCommands(store, spec, name, value, (current?.[name] as number[] | undefined) ?? []);
    case "one2many":
      throw new OdooError("builtins.NotImplementedError", `The Odoo emulator does not write one2many fields (${spec.name}.${name}); write the comodel instead.`);
  }
}

/** Odoo reads the target while computing dependent fields, so a dangling id surfaces as MissingError. */
function foreignKey(store: Store, spec: ModelSpec, name: string, id: unknown): OdooError {
  const rel = spec.fields[name]!.relation!;
  return new OdooError("odoo.exceptions.MissingError",
    `Record does not exist or has been deleted.\n(Record: ${rel}(${pyRepr(id)},), User: ${store.uid})`);
}

/** x2many commands: (6,0,ids) (4,id) (3,id) (5,) or a bare id list (Odoo 17 treats it as a set). */
function applyCommands(store: Store, spec: ModelSpec, name: string, value: unknown, current: number[]): number[] {
  const wrong = () => valueError(`Wrong value for ${spec.name}.${name}: ${pyRepr(value)}`);
  if (value === false) return [];
  if (!Array.isArray(value)) throw wrong();
  if (value.every((v) => typeof v === "number")) return checkIds(store, spec, name, value as number[]);
  let ids = [...current];
  for (const cmd of value) {
    if (!Array.isArray(cmd) || typeof cmd[0] !== "number") throw wrong();
    const [op, id, arg] = cmd as [number, number, unknown];
    if (op === 6) ids = checkIds(store, spec, name, Array.isArray(arg) ? (arg as number[]) : []);
    else if (op === 4) ids = ids.includes(id) ? ids : [...ids, ...checkIds(store, spec, name, [id])];
    else if (op === 3) ids = ids.filter((x) => x !== id);
    else if (op === 5) ids = [];
    else throw new OdooError("builtins.NotImplementedError", `The Odoo emulator supports x2many commands 3, 4, 5, 6 only (got ${op}).`);
  }
  return ids;
}

function checkIds(store: Store, spec: ModelSpec, name: string, ids: number[]): number[] {
  const rel = spec.fields[name]!.relation!;
  for (const id of ids) if (!store.get(rel, id)) throw foreignKey(store, spec, name, id);
  return [...new Set(ids)];
}

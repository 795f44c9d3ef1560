// create() and write(). Values go through the same coercions as Odoo's ORM, stored
// computed fields are recomputed by model hooks, and every touched row gets the
// transaction's timestamp as write_date and the caller as write_uid.
import { mandatoryFieldError, OdooError, typeError, valueError } from "../errors.js";
import type { ModelSpec, Raw, Rec } from "../schema/types.js";
import { pyRepr } from "../store/pyrepr.js";
import type { Store } from "../store/store.js";
import { toRaw } from "../store/values.js";

/** Models whose create has no business side effects we would have to fake. */
const CREATABLE = new Set(["res.partner", "mail.blacklist", "res.partner.category", "product.product", "res.country", "res.currency"]);

function notNull(spec: ModelSpec, name: string): OdooError {
  return mandatoryFieldError(spec, spec.fields[name]!, name);
}

function prepare(store: Store, spec: ModelSpec, vals: unknown, normalize = true): Record<string, Raw> {
  if (typeof vals !== "object" || vals === null || Array.isArray(vals)) throw typeError(`vals must be a dict, got ${pyRepr(vals)}`);
  const copy: Record<string, Raw> = { ...(vals as Record<string, Raw>) };
  if (normalize) spec.normalizeVals?.(copy);
  for (const name of Object.keys(copy)) {
    if (!(name in spec.fields)) throw valueError(`Invalid field '${name}' on model '${spec.name}'`);
  }
  return copy;
}

function assign(store: Store, spec: ModelSpec, rec: Rec, vals: Record<string, Raw>): Set<string> {
  const changed = new Set<string>();
  for (const [name, value] of Object.entries(vals)) {
    const field = spec.fields[name]!;
    if (field.derived || (field.compute && field.type !== "one2many")) continue; // recomputed, as in Odoo
    rec[name] = toRaw(store, spec, name, value, rec);
    if (field.required && (rec[name] === false || rec[name] === undefined)) throw notNull(spec, name);
    changed.add(name);
  }
  return changed;
}

export function createOne(store: Store, model: string, input: Record<string, Raw>): number {
  const table = store.table(model);
  const spec = table.spec;
  const rec: Rec = { id: table.nextId };
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.compute || field.type === "one2many" || name === "id") continue;
    const d = typeof field.default === "function" ? (field.default as (s: Store) => Raw)(store) : field.default;
    rec[name] = Array.isArray(d) ? [...d] : d ?? false;
  }
  assign(store, spec, rec, input);
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.required && !field.derived && (rec[name] === false || rec[name] === undefined)) throw notNull(spec, name);
  }
  rec.create_date = rec.write_date = store.txnTime;
  rec.create_uid = rec.write_uid = store.uid;
  spec.onCreate?.(rec, store);
  spec.constraints?.(rec, store);
  table.insert(rec);
  return rec.id;
}

export function create(store: Store, model: string, valsList: unknown): number[] {
  const table = store.table(model);
  if (!CREATABLE.has(model))
    throw new OdooError("builtins.NotImplementedError", `The Odoo emulator does not implement create() on ${model}.`);
  const list = Array.isArray(valsList) ? valsList : [valsList];
  // an override (mail.blacklist) normalizes itself so it can report the raw invalid value
  const prepared = list.map((v) => prepare(store, table.spec, v, !table.spec.createOverride));
  if (table.spec.createOverride) return table.spec.createOverride(prepared, store, (v) => createOne(store, model, v));
  return prepared.map((v) => createOne(store, model, v));
}

export function write(store: Store, model: string, recs: Rec[], requested: unknown[], vals: unknown): true {
  const table = store.table(model);
  const found = new Set(recs.map((r) => r.id));
  const missing = requested.filter((id) => !found.has(id as number));
  if (missing.length > 0)
    throw new OdooError("odoo.exceptions.MissingError",
      `Record does not exist or has been deleted.\n(Record: ${model}(${missing.map(pyRepr).join(", ")},), User: ${store.uid})`);
  const prepared = prepare(store, table.spec, vals);
  for (const rec of recs) {
    const before = Object.fromEntries(Object.keys(prepared).map((name) => [name, rec[name]]));
    const changed = assign(store, table.spec, rec, prepared);
    rec.write_date = store.txnTime;
    rec.write_uid = store.uid;
    table.version++;
    table.spec.onWrite?.(rec, changed, store, before);
    table.spec.constraints?.(rec, store);
  }
  return true;
}

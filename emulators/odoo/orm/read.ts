// read()/search_read() formatting. Unknown field names fail the way Odoo 17's
// _determine_fields_to_fetch does; ids that do not exist are silently left out.
import { typeError, valueError } from "../errors.js";
import type { Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";
import { formatValue } from "../store/values.js";
import { activeTestOf, type Context } from "./search.js";

export function checkFields(store: Store, model: string, fields: unknown): string[] {
  const spec = store.table(model).spec;
  if (fields === undefined || fields === null || fields === false || (Array.isArray(fields) && fields.length === 0))
    return Object.keys(spec.fields);
  if (!Array.isArray(fields)) throw typeError("fields must be a list of field names");
  for (const f of fields) {
    if (typeof f !== "string" || !(f in spec.fields))
      throw valueError(`Invalid field ${JSON.stringify(f).replace(/"/g, "'")} on model '${model}'`);
  }
  return ["id", ...(fields as string[]).filter((f) => f !== "id")];
}

export function formatRecords(store: Store, model: string, recs: Rec[], names: string[], context: Context, load: unknown = "_classic_read"): Record<string, unknown>[] {
  const spec = store.table(model).spec;
  const ctx = { activeTest: activeTestOf(context) };
  const pairs = load === "_classic_read";
  return recs.map((rec) => {
    const out: Record<string, unknown> = { id: rec.id };
    for (const name of names) {
      if (name === "id") continue;
      const field = spec.fields[name]!;
      const v = formatValue(store, field, name, rec, ctx);
      out[name] = !pairs && field.type === "many2one" && Array.isArray(v) ? v[0] : v;
    }
    return out;
  });
}

export function browse(store: Store, model: string, ids: unknown): Rec[] {
  const table = store.table(model);
  const list = ids === false || ids === null || ids === undefined ? [] : Array.isArray(ids) ? ids : [ids];
  const out: Rec[] = [];
  for (const id of list) {
    if (typeof id !== "number" || !Number.isInteger(id)) throw typeError(`ids must be integers, got ${JSON.stringify(id)}`);
    const rec = table.byId.get(id);
    if (rec) out.push(rec);
  }
  return out;
}

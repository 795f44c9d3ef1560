// fields_get(allfields, attributes): the metadata clients use to discover types and relations.
import type { FieldSpec } from "../schema/types.js";
import type { Store } from "../store/store.js";

function describe(field: FieldSpec, name: string): Record<string, unknown> {
  const d: Record<string, unknown> = {
    type: field.type,
    string: field.string,
    required: field.required === true,
    readonly: field.readonly === true,
    store: !field.compute || field.stored === true,
    searchable: !field.compute || field.stored === true || field.searchable === true,
    sortable: (!field.compute || field.stored === true) && field.type !== "one2many" && field.type !== "many2many",
    manual: false,
    company_dependent: false,
    depends: [],
    name,
  };
  if (field.help) d.help = field.help;
  if (field.relation) d.relation = field.relation;
  if (field.inverse) d.relation_field = field.inverse;
  if (field.selection) d.selection = field.selection.map(([k, v]) => [k, v]);
  if (field.type === "monetary") d.currency_field = "currency_id";
  return d;
}

export function fieldsGet(store: Store, model: string, allfields: unknown, attributes: unknown): Record<string, Record<string, unknown>> {
  const spec = store.table(model).spec;
  const wanted = Array.isArray(allfields) && allfields.length > 0 ? new Set(allfields) : undefined;
  const attrs = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes) : undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    if (wanted && !wanted.has(name)) continue;
    const d = describe(field, name);
    out[name] = attrs ? Object.fromEntries(Object.entries(d).filter(([k]) => attrs.has(k))) : d;
  }
  return out;
}

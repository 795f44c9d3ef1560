// Fast row construction for generators and fixtures. Each model gets a compiled factory
// that builds an object literal with every stored field in a fixed order: V8 then keeps
// the rows as compact fast-mode objects with one shared hidden class, which is what lets
// 100k partners and their ~1M order lines fit in a few hundred MB. (Object spread of
// wide templates fell back to slow dictionary-mode objects.)
import type { Raw, Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";

type Factory = (v: Record<string, Raw>) => Rec;
const factories = new WeakMap<Store, Map<string, Factory>>();

function compile(store: Store, model: string): Factory {
  const defaults: Raw[] = [];
  const parts: string[] = [];
  for (const [name, f] of Object.entries(store.table(model).spec.fields)) {
    if (f.compute || f.type === "one2many") continue;
    const key = JSON.stringify(name);
    const d = typeof f.default === "function" ? false : f.default ?? false;
    if (Array.isArray(d)) parts.push(`${key}: v[${key}] !== undefined ? v[${key}] : []`);
    else {
      defaults.push(d);
      parts.push(`${key}: v[${key}] !== undefined ? v[${key}] : d[${defaults.length - 1}]`);
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from our own field names only
  const make = new Function("d", "v", `return {${parts.join(", ")}};`) as (d: Raw[], v: Record<string, Raw>) => Rec;
  return (v) => make(defaults, v);
}

/** Insert a row; values must already be raw (cents, epoch seconds, ids). Unknown keys are dropped. */
export function put(store: Store, model: string, values: Record<string, Raw>): Rec {
  let byModel = factories.get(store);
  if (!byModel) factories.set(store, (byModel = new Map()));
  let factory = byModel.get(model);
  if (!factory) byModel.set(model, (factory = compile(store, model)));
  const table = store.table(model);
  const rec = factory(values);
  if (!values.id) rec.id = table.nextId;
  table.insert(rec);
  return rec;
}

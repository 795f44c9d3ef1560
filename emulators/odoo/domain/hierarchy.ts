// child_of / parent_of over parent_id. Models without a parent field degrade to 'in',
// as Odoo does for non-hierarchical comodels.
import type { Store } from "../store/store.js";

export function hierarchyIds(store: Store, model: string, op: "child_of" | "parent_of", right: unknown): Set<number> {
  const table = store.table(model);
  const roots = resolveRoots(store, model, right);
  if (!("parent_id" in table.spec.fields)) return new Set(roots);
  const out = new Set<number>();
  if (op === "child_of") {
    const children = table.inverseOf("parent_id");
    const stack = [...roots];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (out.has(id) || !table.byId.has(id)) continue;
      out.add(id);
      for (const c of children.get(id) ?? []) stack.push(c);
    }
  } else {
    for (const id of roots) {
      let rec = table.byId.get(id);
      while (rec && !out.has(rec.id)) {
        out.add(rec.id);
        rec = typeof rec.parent_id === "number" ? table.byId.get(rec.parent_id) : undefined;
      }
    }
  }
  return out;
}

/** Right side may be an id, a list of ids, or a name (Odoo name_searches it with ilike). */
function resolveRoots(store: Store, model: string, right: unknown): number[] {
  const items = Array.isArray(right) ? right : [right];
  const ids: number[] = [];
  for (const item of items) {
    if (typeof item === "number") ids.push(item);
    else if (typeof item === "string") {
      const needle = item.toLowerCase();
      for (const r of store.table(model).rows) if (store.displayName(model, r.id).toLowerCase().includes(needle)) ids.push(r.id);
    }
  }
  return ids;
}

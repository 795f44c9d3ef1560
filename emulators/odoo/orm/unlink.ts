// unlink(): model guards first (posted moves, confirmed orders), then what PostgreSQL
// foreign keys would do: lines cascade with their parent, required references block
// the delete (Odoo turns that into a ValidationError), optional ones are set to null.
import { validationError } from "../errors.js";
import type { Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";

const CASCADE = new Set(["sale.order.line.order_id", "account.move.line.move_id"]);
const RESTRICT = new Set(["sale.order.partner_id", "sale.order.partner_invoice_id", "sale.order.partner_shipping_id", "account.move.partner_id"]);

export function unlink(store: Store, model: string, recs: Rec[]): true {
  const table = store.table(model);
  if (recs.length === 0) return true;
  table.spec.beforeUnlink?.(recs, store);
  const ids = new Set(recs.map((r) => r.id));
  const cascades: [string, Set<number>][] = [];
  for (const other of store.tables.values()) {
    for (const [name, field] of Object.entries(other.spec.fields)) {
      if (field.relation !== model || field.compute) continue;
      if (field.type === "many2many") {
        for (const r of other.rows) if (Array.isArray(r[name]) && (r[name] as number[]).some((x) => ids.has(x))) r[name] = (r[name] as number[]).filter((x) => !ids.has(x));
        continue;
      }
      if (field.type !== "many2one" || field.derived) continue;
      const refs = other.rows.filter((r) => ids.has(r[name] as number) && !(other === table && ids.has(r.id)));
      if (refs.length === 0) continue;
      const key = `${other.spec.name}.${name}`;
      if (CASCADE.has(key)) cascades.push([other.spec.name, new Set(refs.map((r) => r.id))]);
      else if (field.required || RESTRICT.has(key))
        throw validationError(
          "The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n" +
            `Model: ${other.spec.description} (${other.spec.name})\nConstraint: ${other.spec.name.replace(/\./g, "_")}_${name}_fkey\n`);
      else {
        const before = refs.map((r) => ({ [name]: r[name] }));
        for (const r of refs) r[name] = false;
        other.version++;
        // e.g. contacts whose company is deleted become their own commercial partner
        refs.forEach((r, i) => other.spec.onWrite?.(r, new Set([name]), store, before[i]!));
      }
    }
  }
  for (const [m, set] of cascades) store.table(m).remove(set);
  table.remove(ids);
  table.spec.afterUnlink?.(recs, store);
  return true;
}

// Fixture loading: {"res.partner": [{id, name, parent_id: 7 | [7, "Name"], ...}], ...}.
// Values use Odoo's wire shapes; unknown models or fields are fixture bugs and fail loudly.
// Stored computed partner fields (commercial_partner_id, email_normalized, complete_name)
// are recomputed, one2many and non-stored fields are ignored (they derive from the other side).
// A record is held to what Odoo 17's create() would store: the required fields Odoo computes when they are
// left out are computed the same way (completeAsOdooCreates), and any other required field left empty
// refuses the fixture with Odoo's own "mandatory field is not set" error.
import type { FixtureData } from "../options.js";
import { mandatoryFieldError } from "../errors.js";
import { addressGet, derivePartner } from "../schema/partner.js";
import type { Raw } from "../schema/types.js";
import { parseDateStrict, parseDatetimeStrict } from "../store/datetime.js";
import type { Store } from "../store/store.js";
import { put } from "./put.js";

function convert(store: Store, model: string, name: string, value: unknown): Raw {
  const field = store.table(model).spec.fields[name];
  if (!field) throw new Error(`fixture: unknown field ${model}.${name}`);
  if (value === null || value === false) return field.type === "many2many" ? [] : field.type === "boolean" ? false : false;
  switch (field.type) {
    case "many2one": {
      const id = Array.isArray(value) ? value[0] : value;
      if (typeof id !== "number") throw new Error(`fixture: ${model}.${name} must be an id or [id, name]`);
      return id;
    }
    case "many2many":
      if (!Array.isArray(value)) throw new Error(`fixture: ${model}.${name} must be a list of ids`);
      return value as number[];
    case "datetime":
      return parseDatetimeStrict(String(value));
    case "date":
      return parseDateStrict(String(value));
    case "monetary":
      return Math.round(Number(value) * 100);
    case "float":
      return field.cents ? Math.round(Number(value) * 100) : Number(value);
    case "char":
    case "text":
      return value === "" ? false : String(value);
    default:
      return value as Raw;
  }
}

export function loadFixture(store: Store, data: FixtureData): void {
  const now = Math.floor(Date.now() / 1000);
  for (const model of Object.keys(data)) if (!store.has(model)) throw new Error(`fixture: unknown model ${model}`);
  for (const [model, table] of store.tables) {
    const rows = [...(data[model] ?? [])].sort((a, b) => Number(a.id ?? Infinity) - Number(b.id ?? Infinity));
    for (const row of rows) {
      const values: Record<string, Raw> = { create_date: now, write_date: now, create_uid: 2, write_uid: 2 };
      for (const [name, value] of Object.entries(row)) {
        const field = table.spec.fields[name];
        if (field && (field.type === "one2many" || field.compute)) continue;
        values[name] = name === "id" ? value : convert(store, model, name, value);
      }
      put(store, model, values);
    }
  }
  for (const p of store.table("res.partner").rows) derivePartner(p, store);
  completeAsOdooCreates(store, now);
  for (const [model, table] of store.tables) {
    for (const [name, field] of Object.entries(table.spec.fields)) {
      if (field.type !== "many2one" || field.compute || ["create_uid", "write_uid"].includes(name)) continue;
      for (const r of table.rows) {
        const id = r[name];
        if (typeof id === "number" && !store.get(field.relation!, id)) throw new Error(`fixture: ${model}(${r.id}).${name} points to missing ${field.relation}(${id})`);
      }
    }
  }
  checkRequiredFields(store);
}

/**
 * Required fields Odoo 17 computes on create when they are not given (stored, precomputed computes):
 * sale.order's invoice and delivery addresses (_compute_partner_invoice_id / _shipping_id: the customer's
 * address_get), account.move's accounting date (_compute_date: the invoice date, else today).
 */
function completeAsOdooCreates(store: Store, now: number): void {
  for (const order of store.table("sale.order").rows) {
    if (typeof order.partner_id !== "number") continue;
    if (order.partner_invoice_id === false) order.partner_invoice_id = addressGet(store, order.partner_id, "invoice");
    if (order.partner_shipping_id === false) order.partner_shipping_id = addressGet(store, order.partner_id, "delivery");
  }
  const today = new Date(now * 1000).toISOString().slice(0, 10);
  for (const move of store.table("account.move").rows) if (move.date === false) move.date = move.invoice_date || today;
}

/** Every required field set, as PostgreSQL's NOT NULL guarantees in Odoo; the first gap refuses the data. */
export function checkRequiredFields(store: Store): void {
  for (const [model, table] of store.tables) {
    const required = Object.entries(table.spec.fields).filter(([, f]) => f.required && !f.derived && !f.compute);
    for (const r of table.rows)
      for (const [name, field] of required)
        if (r[name] === false || r[name] === undefined) throw new Error(`fixture: ${model}(${r.id}): ${mandatoryFieldError(table.spec, field, name).message}`);
  }
}

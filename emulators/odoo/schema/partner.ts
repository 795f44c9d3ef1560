// res.partner as in Odoo 17 (mobile still exists; it is gone in 19). _order is
// "complete_name ASC, id DESC" in 17 (res_partner.py), which is what a client that
// forgets order= gets: pages sorted by name, unstable as names change.
import { validationError } from "../errors.js";
import type { Store } from "../store/store.js";
import { emailNormalize } from "../store/email.js";
import { activeField, bool, char, int, m2m, m2o, magicFields, o2m, sel } from "./common.js";
import type { ModelSpec, Rec } from "./types.js";
import { isBlacklisted } from "./blacklist.js";

const TYPES = [["contact", "Contact"], ["invoice", "Invoice Address"], ["delivery", "Delivery Address"], ["other", "Other Address"]] as const;
const LANGS = [["en_US", "English (US)"], ["fr_BE", "French (BE) / Français (BE)"], ["nl_BE", "Dutch (BE) / Nederlands (BE)"],
  ["de_DE", "German / Deutsch"], ["fr_FR", "French / Français"], ["es_ES", "Spanish / Español"]] as const;

// Odoo's base.user_root: its partner (OdooBot) is never "shared", whatever its id and although the user is archived.
const SUPERUSER_ID = 1;

/**
 * res.partner._compute_partner_share (stored, depends on user_ids.share and user_ids.active): false for the
 * superuser's partner and for a partner with an active internal user (share = false); true otherwise.
 */
function partnerShareOf(partnerId: number, store: Store): boolean {
  if (store.get("res.users", SUPERUSER_ID)?.partner_id === partnerId) return false;
  const users = store.table("res.users").inverseOf("partner_id").get(partnerId) ?? [];
  return !users.some((uid) => {
    const user = store.get("res.users", uid);
    return user !== undefined && user.active !== false && user.share === false;
  });
}

/**
 * Recomputes partner_share of these partners after their users changed. Odoo flushes a changed stored
 * compute through _write, which stamps write_date: an incremental reader sees the partner as written.
 */
export function recomputePartnerShare(store: Store, partnerIds: Iterable<unknown>): void {
  const table = store.table("res.partner");
  for (const id of new Set(partnerIds)) {
    const rec = typeof id === "number" ? store.get("res.partner", id) : undefined;
    if (!rec) continue;
    const share = partnerShareOf(rec.id, store);
    if (rec.partner_share === share) continue;
    rec.partner_share = share;
    rec.write_date = store.txnTime;
    rec.write_uid = store.uid;
    table.version++;
  }
}

/** After a fixture or the generator filled every table: partners were derived before their users existed. */
export function derivePartnerShares(store: Store): void {
  for (const rec of store.table("res.partner").rows) rec.partner_share = partnerShareOf(rec.id, store);
}

/**
 * res.partner.address_get([type]) as Odoo 17 runs it: depth-first through the partner's active descendants
 * (never into another company), then on up through its parents until a commercial entity; without an address
 * of that type, a 'contact' met on the way, else the partner itself.
 */
export function addressGet(store: Store, partnerId: number, type: string): number {
  const wanted = new Set([type, "contact"]);
  const found = new Map<string, number>();
  const visited = new Set<number>();
  let current = store.get("res.partner", partnerId);
  while (current) {
    let toScan: Rec[] = [current];
    while (toScan.length > 0) {
      const record = toScan.shift()!;
      visited.add(record.id);
      const kind = String(record.type);
      if (wanted.has(kind) && !found.has(kind)) found.set(kind, record.id);
      if (found.size === wanted.size) return found.get(type)!;
      toScan = [...activeChildren(record.id, store).filter((c) => !visited.has(c.id) && !c.is_company), ...toScan];
    }
    if (current.is_company || typeof current.parent_id !== "number") break;
    current = store.get("res.partner", current.parent_id);
  }
  return found.get(type) ?? found.get("contact") ?? partnerId;
}

/** child_ids as Odoo reads them: archived children hidden, in res.partner's _order (complete_name, id desc). */
function activeChildren(id: number, store: Store): Rec[] {
  const ids = store.table("res.partner").inverseOf("parent_id").get(id) ?? [];
  return ids
    .map((cid) => store.get("res.partner", cid))
    .filter((c): c is Rec => c !== undefined && c.active !== false)
    .sort((a, b) => {
      const [x, y] = [String(a.complete_name || ""), String(b.complete_name || "")];
      return x < y ? -1 : x > y ? 1 : b.id - a.id;
    });
}

export function completeName(rec: Rec, store: Store): string {
  let name = typeof rec.name === "string" ? rec.name : "";
  const parent = typeof rec.parent_id === "number" ? store.get("res.partner", rec.parent_id) : undefined;
  if (parent) {
    if (!name && rec.type !== "contact") name = TYPES.find(([k]) => k === rec.type)?.[1] ?? "";
    if (!rec.is_company) {
      const commercial = store.get("res.partner", Number(parent.commercial_partner_id));
      const company = commercial?.is_company ? commercial.name : parent.name;
      name = `${typeof company === "string" ? company : ""}, ${name}`;
    }
  }
  return name.trim();
}

/** Walks up the chain itself so it is right even while parents are still being computed. */
function commercialOf(rec: Rec, store: Store): number {
  let cur = rec;
  for (let hops = 0; !cur.is_company && typeof cur.parent_id === "number" && hops < 1000; hops++) {
    const parent = store.get("res.partner", cur.parent_id);
    if (!parent) break;
    cur = parent;
  }
  return cur.id;
}

/** The stored computed fields of one partner, without touching its descendants. */
export function derivePartner(rec: Rec, store: Store): void {
  rec.commercial_partner_id = commercialOf(rec, store);
  rec.complete_name = completeName(rec, store) || false;
  rec.email_normalized = emailNormalize(rec.email, false);
}

/** Stored computed fields, recomputed for the partner and, through parent_id, its descendants. */
export function recomputePartner(rec: Rec, store: Store, seen = new Set<number>()): void {
  if (seen.has(rec.id)) return;
  seen.add(rec.id);
  derivePartner(rec, store);
  const children = store.table("res.partner").inverseOf("parent_id").get(rec.id) ?? [];
  for (const cid of children) {
    const child = store.get("res.partner", cid);
    if (child) recomputePartner(child, store, seen);
  }
}

export const partnerSpec: ModelSpec = {
  name: "res.partner",
  description: "Contact",
  order: "complete_name ASC, id DESC",
  displayName: (rec) => (typeof rec.complete_name === "string" ? rec.complete_name : ""),
  fields: {
    ...magicFields("res.partner"),
    name: char("Name"),
    complete_name: char("Complete Name", { readonly: true, derived: true }),
    email: char("Email"),
    email_normalized: char("Normalized Email", { readonly: true, derived: true }),
    is_company: bool("Is a Company"),
    company_type: sel("Company Type", [["person", "Individual"], ["company", "Company"]], {
      compute: (rec) => (rec.is_company ? "company" : "person"),
    }),
    parent_id: m2o("res.partner", "Related Company"),
    child_ids: o2m("res.partner", "parent_id", "Contact"),
    commercial_partner_id: m2o("res.partner", "Commercial Entity", { readonly: true, derived: true }),
    type: sel("Address Type", TYPES, { default: "contact" }),
    customer_rank: int("Customer Rank"),
    supplier_rank: int("Supplier Rank"),
    user_ids: o2m("res.users", "partner_id", "Users"),
    partner_share: bool("Share Partner", { readonly: true, derived: true, default: true }),
    employee: bool("Employee"),
    employee_ids: o2m("hr.employee", "work_contact_id", "Employees"),
    company_id: m2o("res.company", "Company"),
    category_id: m2m("res.partner.category", "Tags"),
    active: activeField(),
    lang: sel("Language", LANGS, { default: "en_US" }),
    country_id: m2o("res.country", "Country"),
    phone: char("Phone"),
    mobile: char("Mobile"),
    street: char("Street"),
    city: char("City"),
    zip: char("Zip"),
    ref: char("Reference"),
    vat: char("Tax ID"),
    function: char("Job Position"),
    website: char("Website Link"),
    comment: { type: "text", string: "Notes" },
    is_blacklisted: bool("Blacklist", { readonly: true, searchable: true, compute: (rec, store) => isBlacklisted(rec.email_normalized, store) }),
    sale_order_ids: o2m("sale.order", "partner_id", "Sales Order"),
    invoice_ids: o2m("account.move", "partner_id", "Invoices"),
  },
  normalizeVals: (vals) => {
    // company_type is computed with an inverse that sets is_company.
    if ("company_type" in vals) {
      vals.is_company = vals.company_type === "company";
      delete vals.company_type;
    }
  },
  constraints: (rec, store) => {
    if (rec.type === "contact" && !rec.name) throw validationError("Contacts require a name");
    for (let p = rec.parent_id, hops = 0; typeof p === "number"; hops++) {
      if (p === rec.id || hops > 1000) throw validationError("You cannot create recursive Partner hierarchies.");
      p = store.get("res.partner", p)?.parent_id;
    }
  },
  onCreate: (rec, store) => recomputePartner(rec, store),
  onWrite: (rec, changed, store) => {
    if (["name", "parent_id", "is_company", "email", "type"].some((f) => changed.has(f))) recomputePartner(rec, store);
  },
};

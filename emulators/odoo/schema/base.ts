// Reference models: currencies, countries, companies, users, employees, tags, products.
// Small tables, but they give many2one values their display names like Odoo does.
import type { Store } from "../store/store.js";
import { recomputePartnerShare } from "./partner.js";
import { activeField, bool, char, int, m2m, m2o, magicFields, sel } from "./common.js";
import type { ModelSpec, Rec } from "./types.js";

function pathName(model: string, rec: Rec, store: Store, sep: string): string {
  const own = typeof rec.name === "string" ? rec.name : "";
  const parent = typeof rec.parent_id === "number" ? store.get(model, rec.parent_id) : undefined;
  return parent ? `${pathName(model, parent, store, sep)}${sep}${own}` : own;
}

export const currencySpec: ModelSpec = {
  name: "res.currency", description: "Currency", order: "active desc, name",
  fields: { ...magicFields("res.currency"), name: char("Currency", { required: true }), symbol: char("Symbol", { required: true }),
    rounding: { type: "float", string: "Rounding Factor", default: 0.01 }, active: activeField() },
};

export const countrySpec: ModelSpec = {
  name: "res.country", description: "Country", order: "name",
  fields: { ...magicFields("res.country"), name: char("Country Name", { required: true }), code: char("Country Code") },
};

export const companySpec: ModelSpec = {
  name: "res.company", description: "Companies", order: "sequence, name",
  fields: { ...magicFields("res.company"), name: char("Company Name", { required: true }),
    partner_id: m2o("res.partner", "Partner", { required: true }), currency_id: m2o("res.currency", "Currency", { required: true }),
    country_id: m2o("res.country", "Country"), sequence: int("Sequence", { default: 10 }), active: activeField() },
};

export const usersSpec: ModelSpec = {
  name: "res.users", description: "User", order: "name, login",
  displayName: (rec, store) => store.displayName("res.partner", Number(rec.partner_id)),
  fields: { ...magicFields("res.users"), login: char("Login", { required: true }),
    name: { type: "char", string: "Name", compute: (rec, store) => store.get("res.partner", Number(rec.partner_id))?.name ?? false, searchable: true },
    partner_id: m2o("res.partner", "Related Partner", { required: true }),
    share: bool("Share User", { readonly: true, help: "External user with limited access, created only for the purpose of sharing data." }),
    company_id: m2o("res.company", "Company", { required: true }), company_ids: m2m("res.company", "Companies"), active: activeField() },
  // res.partner.partner_share depends on user_ids.share and user_ids.active: recompute the old and new partner.
  onWrite: (rec, changed, store, before) => {
    if (["share", "active", "partner_id"].some((f) => changed.has(f))) recomputePartnerShare(store, [before.partner_id, rec.partner_id]);
  },
  afterUnlink: (recs, store) => recomputePartnerShare(store, recs.map((r) => r.partner_id)),
};

export const employeeSpec: ModelSpec = {
  name: "hr.employee", description: "Employee", order: "name",
  fields: { ...magicFields("hr.employee"), name: char("Employee Name"), work_contact_id: m2o("res.partner", "Work Contact"),
    user_id: m2o("res.users", "User"), work_email: char("Work Email"), job_title: char("Job Title"),
    company_id: m2o("res.company", "Company", { required: true }), active: activeField() },
};

export const categorySpec: ModelSpec = {
  name: "res.partner.category", description: "Partner Tags", order: "name",
  displayName: (rec, store) => pathName("res.partner.category", rec, store, " / "),
  fields: { ...magicFields("res.partner.category"), name: char("Name", { required: true }), color: int("Color"),
    parent_id: m2o("res.partner.category", "Parent Category"), active: activeField() },
};

export const productCategorySpec: ModelSpec = {
  name: "product.category", description: "Product Category", order: "complete_name",
  displayName: (rec, store) => pathName("product.category", rec, store, " / "),
  fields: { ...magicFields("product.category"), name: char("Name", { required: true }),
    complete_name: { type: "char", string: "Complete Name", compute: (rec, store) => pathName("product.category", rec, store, " / "), stored: true },
    parent_id: m2o("product.category", "Parent Category") },
};

export const productSpec: ModelSpec = {
  name: "product.product", description: "Product Variant", order: "default_code, name, id",
  displayName: (rec) => (rec.default_code ? `[${String(rec.default_code)}] ${String(rec.name)}` : String(rec.name)),
  fields: { ...magicFields("product.product"), name: char("Name", { required: true }), default_code: char("Internal Reference"),
    list_price: { type: "float", string: "Sales Price", cents: true, default: 100 },
    lst_price: { type: "float", string: "Sales Price", cents: true, compute: (rec) => rec.list_price, searchable: true },
    categ_id: m2o("product.category", "Product Category", { required: true }),
    detailed_type: sel("Product Type", [["consu", "Consumable"], ["service", "Service"], ["product", "Storable Product"]], { default: "consu" }),
    sale_ok: bool("Can be Sold", { default: true }), company_id: m2o("res.company", "Company"), active: activeField() },
};

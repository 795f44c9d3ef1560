// Reference data every Odoo database has: currencies, countries, the multi-company
// setup (San Francisco and Chicago in USD, Brussels in EUR), OdooBot, admin, the public
// partner, tags and products.
import { put } from "../data/put.js";
import { derivePartner } from "../schema/partner.js";
import { Gen, T0 } from "./context.js";
import { PRODUCTS, type ProductKind } from "./names.js";

export function basePartner(g: Gen, values: Record<string, unknown>): number {
  const rec = put(g.store, "res.partner", { create_date: T0 - 4 * 365 * 86_400, write_date: T0 - 4 * 365 * 86_400, create_uid: 1, write_uid: 1, ...values });
  derivePartner(rec, g.store);
  return rec.id;
}

export function generateBase(g: Gen): void {
  const s = g.store;
  const stamp = { create_date: T0 - 4 * 365 * 86_400, write_date: T0 - 4 * 365 * 86_400, create_uid: 1, write_uid: 1 };
  put(s, "res.currency", { id: 1, name: "EUR", symbol: "€", rounding: 0.01, ...stamp });
  put(s, "res.currency", { id: 2, name: "USD", symbol: "$", rounding: 0.01, ...stamp });
  put(s, "res.currency", { id: 3, name: "GBP", symbol: "£", rounding: 0.01, active: false, ...stamp });
  for (const [name, code] of [["United States", "US"], ["Belgium", "BE"], ["France", "FR"], ["Germany", "DE"], ["United Kingdom", "GB"]])
    put(s, "res.country", { name, code, ...stamp });
  basePartner(g, { id: 1, name: "My Company (San Francisco)", is_company: true, email: "info@yourcompany.com", company_id: 1, city: "San Francisco", country_id: 1 });
  basePartner(g, { id: 2, name: "OdooBot", email: "odoobot@example.com", active: false, company_id: false });
  basePartner(g, { id: 3, name: "Mitchell Admin", email: "admin@yourcompany.example.com", company_id: 1, employee: true, parent_id: 1, city: "San Francisco", country_id: 1 });
  basePartner(g, { id: 4, name: "Public user", active: false, company_id: 1 });
  const chicago = basePartner(g, { name: "My Company (Chicago)", is_company: true, email: "chicago@yourcompany.com", company_id: 2, city: "Chicago", country_id: 1 });
  const brussels = basePartner(g, { name: "My Company (Brussels)", is_company: true, email: "brussels@yourcompany.eu", company_id: 3, city: "Brussels", country_id: 2, lang: "fr_BE" });
  put(s, "res.company", { id: 1, name: "My Company (San Francisco)", partner_id: 1, currency_id: 2, country_id: 1, sequence: 0, ...stamp });
  put(s, "res.company", { id: 2, name: "My Company (Chicago)", partner_id: chicago, currency_id: 2, country_id: 1, ...stamp });
  put(s, "res.company", { id: 3, name: "My Company (Brussels)", partner_id: brussels, currency_id: 1, country_id: 2, ...stamp });
  g.companies = [
    { id: 1, partnerId: 1, currencyId: 2, countryId: 1, taxPct: 15, lang: "en_US" },
    { id: 2, partnerId: chicago, currencyId: 2, countryId: 1, taxPct: 15, lang: "en_US" },
    { id: 3, partnerId: brussels, currencyId: 1, countryId: 2, taxPct: 21, lang: "fr_BE" },
  ];
  put(s, "res.users", { id: 1, login: "__system__", partner_id: 2, share: false, company_id: 1, company_ids: [1], active: false, ...stamp });
  put(s, "res.users", { id: 2, login: "admin", partner_id: 3, share: false, company_id: 1, company_ids: [1, 2, 3], ...stamp });
  put(s, "res.users", { id: 3, login: "public", partner_id: 4, share: true, company_id: 1, company_ids: [1], active: false, ...stamp });
  put(s, "hr.employee", { name: "Mitchell Admin", work_contact_id: 3, user_id: 2, work_email: "admin@yourcompany.example.com", job_title: "Chief Executive Officer", company_id: 1, ...stamp });
  for (const [name, color] of [["Vendor", 1], ["VIP", 3], ["Prospects", 4], ["Services", 5], ["Office Supplies", 6], ["Consulting", 7], ["Employees", 8]] as const)
    g.tags[name] = put(s, "res.partner.category", { name, color, ...stamp }).id;
  // Odoo's own tree (product.category: All / Saleable / ...), so members get category tags of every depth.
  const all = put(s, "product.category", { name: "All", ...stamp }).id;
  const saleable = put(s, "product.category", { name: "Saleable", parent_id: all, ...stamp }).id;
  const furniture = put(s, "product.category", { name: "Office Furniture", parent_id: saleable, ...stamp }).id;
  const categories: Record<ProductKind, number> = {
    furniture,
    desks: put(s, "product.category", { name: "Desks", parent_id: furniture, ...stamp }).id,
    supplies: put(s, "product.category", { name: "Office Supplies", parent_id: saleable, ...stamp }).id,
    services: put(s, "product.category", { name: "Services", parent_id: saleable, ...stamp }).id,
  };
  const extra = Math.min(400, Math.floor(g.size / 250));
  const variants = ["Black", "White", "Oak", "Steel", "Large", "Small", "Blue", "Red"];
  for (let i = 0; i < PRODUCTS.length + extra; i++) {
    const [base, code, price, kind] = PRODUCTS[i % PRODUCTS.length]!;
    const type = kind === "services" ? "service" : "consu";
    const round = Math.floor(i / PRODUCTS.length);
    const name = round === 0 ? base : `${base} (${variants[(round - 1) % variants.length]} ${round})`;
    const p = Math.max(100, price + (round === 0 ? 0 : g.rng.int(-price / 10, price / 5)));
    const rec = put(s, "product.product", { name, default_code: round === 0 ? code : `${code}-${round}`, list_price: Math.round(p),
      categ_id: categories[kind], detailed_type: type, active: !(round > 0 && g.rng.chance(0.05)), ...stamp });
    if (rec.active) g.products.push({ id: rec.id, name: rec.default_code ? `[${String(rec.default_code)}] ${name}` : name, price: Number(rec.list_price) });
  }
}

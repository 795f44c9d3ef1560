// The partner population: staff (users + employees), Odoo's demo companies, then
// generated B2B companies with child contacts, B2C individuals, suppliers and leads.
import { put } from "../data/put.js";
import { basePartner } from "./base.js";
import { type Gen, T0 } from "./context.js";
import { CITIES, COMPANY_A, COMPANY_B, COMPANY_C, DEMO_COMPANIES, STREETS } from "./names.js";
import { personEmail, personName, phone, slug } from "./people.js";

function address(g: Gen): Record<string, unknown> {
  const [city, zip, country] = g.rng.pick(CITIES);
  const langs: Record<number, string[]> = { 1: ["en_US"], 2: ["fr_BE", "nl_BE", "en_US"], 3: ["fr_FR"], 4: ["de_DE"] };
  return { street: `${g.rng.int(1, 400)} ${g.rng.pick(STREETS)}`, city, zip, country_id: country, lang: g.rng.pick(langs[country]!), phone: phone(g, country) };
}

function stamps(g: Gen): Record<string, unknown> {
  const created = g.past(4 * 365);
  const written = Math.min(T0, created + Math.floor(g.rng.next() * (T0 - created)));
  return { create_date: created, write_date: written, create_uid: g.rng.pick(g.staffUsers.length ? g.staffUsers : [2]), write_uid: 2 };
}

function common(g: Gen): Record<string, unknown> {
  return {
    ...stamps(g),
    active: !g.rng.chance(0.03),
    company_id: g.rng.chance(0.85) ? false : g.rng.int(1, 3),
    category_id: g.rng.chance(0.15) ? [g.rng.pick([g.tags.Prospects!, g.tags["Office Supplies"]!, g.tags.Consulting!, g.tags.Services!])] : [],
  };
}

export function generateStaff(g: Gen): void {
  const n = Math.max(5, Math.min(200, Math.round(g.size / 500)));
  for (let i = 0; i < n; i++) {
    const [first, last] = personName(g);
    const company = g.companies[i % g.companies.length]!;
    const email = `${slug(first)}.${slug(last)}${i}@yourcompany.example.com`;
    const pid = basePartner(g, { name: `${first} ${last}`, email, company_id: company.id, parent_id: company.partnerId, employee: true, category_id: [g.tags.Employees!] });
    let uid: number | false = false;
    if (i % 10 !== 9) {
      uid = put(g.store, "res.users", { login: email, partner_id: pid, share: false, company_id: company.id, company_ids: [company.id], create_uid: 2, write_uid: 2 }).id;
      g.staffUsers.push(uid);
    }
    put(g.store, "hr.employee", { name: `${first} ${last}`, work_contact_id: pid, user_id: uid, work_email: email, company_id: company.id, job_title: "Sales", create_uid: 2, write_uid: 2 });
  }
}

/** A company with contacts of every type; returns the number of partners created. */
function b2b(g: Gen, name: string, domain: string, contacts: readonly string[], supplier: boolean, demo = false): number {
  const addr = address(g);
  const base = common(g);
  if (demo) base.active = true;
  const companyId = basePartner(g, { ...base, ...addr, name, is_company: true, email: g.rng.chance(0.7) ? `info@${domain}` : false,
    website: `https://${domain}`, vat: g.rng.chance(0.6) ? `BE0${g.rng.int(100000000, 999999999)}` : false,
    supplier_rank: supplier ? g.rng.int(1, 20) : 0, category_id: supplier ? [g.tags.Vendor!] : base.category_id });
  let invoiceAddr = companyId;
  let deliveryAddr = companyId;
  const ids: number[] = [];
  for (const full of contacts) {
    const [first, ...rest] = full.split(" ");
    ids.push(basePartner(g, { ...stamps(g), ...addr, name: full, parent_id: companyId, type: "contact", company_id: base.company_id, active: base.active,
      email: personEmail(g, first!, rest.join(" "), domain), function: g.rng.pick(["Purchaser", "CEO", "Accountant", "Office Manager", false]) }));
  }
  if (g.rng.chance(0.5)) // shared mailbox: the invoice address reuses the company's info@ address
    invoiceAddr = basePartner(g, { ...stamps(g), ...addr, name: false, parent_id: companyId, type: "invoice", email: `info@${domain}`, company_id: base.company_id });
  if (g.rng.chance(0.4)) deliveryAddr = basePartner(g, { ...stamps(g), ...address(g), name: false, parent_id: companyId, type: "delivery", company_id: base.company_id });
  if (g.rng.chance(0.1)) basePartner(g, { ...stamps(g), ...address(g), name: "Warehouse", parent_id: companyId, type: "other", company_id: base.company_id });
  if (!supplier || g.rng.chance(0.3)) {
    g.buyers.push([companyId, invoiceAddr, deliveryAddr]);
    for (const id of ids) g.buyers.push([id, invoiceAddr, deliveryAddr]);
  }
  return 1 + ids.length + (invoiceAddr !== companyId ? 1 : 0) + (deliveryAddr !== companyId ? 1 : 0);
}

export function generatePartners(g: Gen): void {
  for (const [name, domain, contacts] of DEMO_COMPANIES) b2b(g, name, domain, contacts, name === "Wood Corner" || name === "Lumber Inc", true);
  const target = g.size;
  const count = () => g.store.table("res.partner").rows.length;
  while (count() < target) {
    const r = g.rng.next();
    if (r < 0.12) {
      const name = `${g.rng.pick(COMPANY_A)} ${g.rng.pick(COMPANY_B)} ${g.rng.pick(COMPANY_C)}`;
      const contacts = Array.from({ length: g.rng.int(1, 4) }, () => personName(g).join(" "));
      b2b(g, name, `${slug(name)}${g.rng.int(1, 9999)}.example.com`, contacts, false);
    } else if (r < 0.16) {
      const name = `${g.rng.pick(COMPANY_A)} ${g.rng.pick(["Wood", "Steel", "Paper", "Fabrics", "Glass", "Parts"])} ${g.rng.pick(COMPANY_C)}`;
      b2b(g, name, `${slug(name)}${g.rng.int(1, 9999)}.example.com`, [personName(g).join(" ")], true);
    } else {
      const [first, last] = personName(g);
      const lead = r > 0.9;
      const id = basePartner(g, { ...common(g), ...address(g), name: `${first} ${last}`, email: personEmail(g, first, last),
        mobile: g.rng.chance(0.3) ? `+1 ${g.rng.int(200, 989)}-555-${g.rng.int(1000, 9999)}` : false });
      if (!lead) g.buyers.push([id, id, id]);
      if (!lead && g.rng.chance(0.01)) // a portal user: a customer with an external login
        put(g.store, "res.users", { login: `portal${id}@example.com`, partner_id: id, share: true, company_id: 1, company_ids: [1], create_uid: 2, write_uid: 2 });
    }
  }
}

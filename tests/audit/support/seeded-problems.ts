import type { Store } from "@/emulators/odoo/store/store";

/**
 * The data-quality problems the demo business was seeded with, counted straight from the Odoo emulator's rows
 * with the rules written out here by hand (README "How a sync works", lib/sync/README.md), not with lib/sync or
 * lib/audit: what the audit must find. Routing is the demo policy's (buildDemoPolicy): San Francisco (company 1)
 * split B2B/B2C, Chicago (2) and Brussels (3) one audience each, child contacts only.
 */

// The seeded junk (emulators/odoo/gen/names.ts JUNK_EMAILS), each labelled by hand.
const JUNK: Record<string, "invalid" | "multiple" | "valid"> = {
  "n/a": "invalid", "test@test": "invalid", "a@b": "invalid", "x@example.com": "invalid",
  "  Spaced.Out@Example.COM  ": "invalid", // example.com is reserved, whatever the spacing and case
  "NO EMAIL": "invalid", "-": "invalid", "none@none": "invalid", "josé.garcía@exämple.es": "valid",
  "a@x.com; b@y.com": "multiple", "first@one.com, second@two.com": "multiple", "INFO@SHOUTING.COM": "valid", "<>": "invalid",
  "@missing-local.com": "invalid",
};

type Row = Record<string, unknown>;
const idOf = (v: unknown): number | null => (typeof v === "number" ? v : Array.isArray(v) && typeof v[0] === "number" ? v[0] : null);

function emailClass(raw: unknown): "missing" | "invalid" | "multiple" | "valid" {
  if (typeof raw !== "string" || raw.trim() === "") return "missing";
  if (raw in JUNK) return JUNK[raw]!;
  if (raw.split(/[;,\s]+/).filter((part) => part.includes("@")).length > 1) return "multiple";
  // Everything else the generator writes is a person's or a company's real-looking address.
  if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(raw.trim())) throw new Error(`unexpected seeded email ${raw}`);
  return "valid";
}

export interface SeededProblems {
  missing: number;
  invalid: number;
  multiple: number;
  /** (audience, address) pairs held by customers of different commercial partners. */
  duplicates: number;
  staffAddresses: number;
  keptOutStaffOrSupplier: number;
  companiesWithoutRoute: number;
  buyersWithoutAudience: number;
  ordersInOtherCurrencies: number;
}

export function seededProblems(store: Store, opts: { supplierThatBuysIsCustomer?: boolean } = {}): SeededProblems {
  const rows = (model: string) => store.table(model).rows as Row[];
  const users = rows("res.users");
  const system = new Set(users.filter((u) => u.id === 1 || ["__system__", "public", "default", "portaltemplate"].includes(String(u.login))).map((u) => idOf(u.partner_id)));
  const staff = new Set<number | null>([
    ...users.filter((u) => !system.has(idOf(u.partner_id)) && u.share === false).map((u) => idOf(u.partner_id)),
    ...rows("hr.employee").map((e) => idOf(e.work_contact_id)),
  ]);
  const companies = rows("res.company");
  const companyPartners = new Set(companies.map((c) => idOf(c.partner_id)));
  const companyCurrency = new Map(companies.map((c) => [c.id as number, idOf(c.currency_id)]));
  const blacklist = new Set(rows("mail.blacklist").filter((b) => b.active !== false).map((b) => b.email));
  const partners = new Map(rows("res.partner").map((p) => [p.id as number, p]));
  const commercialOf = (id: number) => idOf(partners.get(id)?.commercial_partner_id) ?? id;
  // Buying: confirmed orders credited to the commercial partner (their latest order names the company), then posted invoices.
  const lastOrder = new Map<number, { at: number; company: number }>();
  const invoiced = new Map<number, { at: number; company: number }>();
  let otherCurrency = 0;
  for (const o of rows("sale.order")) {
    if (o.state !== "sale" && o.state !== "done") continue;
    const c = commercialOf(idOf(o.partner_id)!);
    const at = Number(o.date_order);
    if (at >= (lastOrder.get(c)?.at ?? -Infinity)) lastOrder.set(c, { at, company: idOf(o.company_id)! });
    if (idOf(o.currency_id) !== companyCurrency.get(idOf(o.company_id)!)) otherCurrency++;
  }
  for (const m of rows("account.move")) {
    if (m.move_type !== "out_invoice" || m.state !== "posted") continue;
    const c = idOf(m.commercial_partner_id)!;
    const at = typeof m.invoice_date === "string" ? Date.parse(m.invoice_date) / 1000 : Number(m.invoice_date);
    if (at >= (invoiced.get(c)?.at ?? -Infinity)) invoiced.set(c, { at, company: idOf(m.company_id)! });
  }
  const buys = (c: number) => lastOrder.has(c) || invoiced.has(c);
  const staffEmails = new Set<string>();
  for (const p of partners.values()) if ((staff.has(p.id as number) || p.employee === true || p.partner_share === false) && !system.has(p.id as number) && !companyPartners.has(p.id as number) && typeof p.email === "string") staffEmails.add(p.email.trim().toLowerCase());
  for (const e of rows("hr.employee")) if (typeof e.work_email === "string") staffEmails.add(e.work_email.trim().toLowerCase());

  const out: SeededProblems = { missing: 0, invalid: 0, multiple: 0, duplicates: 0, staffAddresses: 0, keptOutStaffOrSupplier: 0, companiesWithoutRoute: 0, buyersWithoutAudience: 0, ordersInOtherCurrencies: otherCurrency };
  const groups = new Map<string, Set<number>>();
  const staffGroups = new Set<string>();
  for (const p of partners.values()) {
    const id = p.id as number;
    const commercial = commercialOf(id);
    if (system.has(id) || companyPartners.has(id)) continue;
    const isStaff = staff.has(id) || p.employee === true || p.partner_share === false;
    const supplier = Number(p.supplier_rank ?? 0) > 0;
    const selected = id === commercial ? p.is_company !== true : p.type === "contact";
    const otherwiseEligible = p.active !== false && !blacklist.has(p.email_normalized) && buys(commercial) && selected;
    if (isStaff) {
      if (otherwiseEligible) out.keptOutStaffOrSupplier++;
      continue;
    }
    if (p.active === false || blacklist.has(p.email_normalized)) continue;
    if (!buys(commercial)) continue; // a supplier that does not buy is supplier-only; lifting that leaves a non-buyer
    if (supplier && opts.supplierThatBuysIsCustomer === false) {
      if (selected) out.keptOutStaffOrSupplier++;
      continue;
    }
    if (!selected) continue;
    const kind = emailClass(p.email);
    if (kind !== "valid") {
      out[kind]++;
      continue;
    }
    const email = String(p.email).trim().normalize("NFC").toLowerCase();
    const company = idOf(p.company_id) ?? lastOrder.get(commercial)?.company ?? invoiced.get(commercial)?.company ?? null;
    const b2b = partners.get(commercial)?.is_company === true;
    const audience = company === 1 ? (b2b ? "sf_b2b" : "sf_b2c") : company === 2 ? "chicago" : company === 3 ? "brussels" : null;
    if (staffEmails.has(email)) {
      staffGroups.add(`${audience}|${email}`);
      continue;
    }
    if (audience === null) {
      out.buyersWithoutAudience++;
      continue;
    }
    const key = `${audience}|${email}`;
    groups.set(key, (groups.get(key) ?? new Set()).add(commercial));
  }
  out.duplicates = [...groups.values()].filter((s) => s.size > 1).length;
  out.staffAddresses = staffGroups.size;
  out.companiesWithoutRoute = companies.filter((c) => ![1, 2, 3].includes(c.id as number)).length;
  return out;
}

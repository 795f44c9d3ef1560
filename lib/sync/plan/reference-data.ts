import { z } from "zod";
import { OdooMissingError, type OdooClient } from "@/lib/odoo";
import { flag, many2one, odooId, parsePage, text } from "./odoo-values";
import { loadStaffEmails, type StaffMember, type WorkEmail } from "./staff-emails";

/** The small tables every decision consults: a few thousand rows at most, so they live in memory. */
export interface ReferenceData {
  companies: Map<number, { name: string; partnerId: number | null }>;
  /** res.company partners: the businesses selling, never marketing contacts. */
  companyPartnerIds: Set<number>;
  /** Partners of internal users and employees' work contacts. */
  staffPartnerIds: Set<number>;
  /** Normalised address -> the staff members it belongs to (plan/staff-emails.ts). */
  staffEmails: Map<string, StaffMember[]>;
  /** OdooBot, the public user and Odoo's user templates. */
  systemPartnerIds: Set<number>;
  categories: Map<number, string>;
  countries: Map<number, { name: string; code: string | null }>;
}

// Odoo's technical users, by login: base.user_root (OdooBot), base.public_user and the templates.
const SYSTEM_LOGINS = new Set(["__system__", "public", "default", "portaltemplate"]);

const user = z.looseObject({ id: odooId, login: text, share: flag, partner_id: many2one });
const employee = z.looseObject({ id: odooId, work_contact_id: many2one, work_email: text });
const company = z.looseObject({ id: odooId, name: text, partner_id: many2one });
const named = z.looseObject({ id: odooId, name: text });
const country = z.looseObject({ id: odooId, name: text, code: text });

export async function loadReferenceData(odoo: OdooClient, pageSize: number): Promise<ReferenceData> {
  const ref: ReferenceData = {
    companies: new Map(),
    companyPartnerIds: new Set(),
    staffPartnerIds: new Set(),
    staffEmails: new Map(),
    systemPartnerIds: new Set(),
    categories: new Map(),
    countries: new Map(),
  };
  // active_test false throughout: an archived internal user's partner is still staff, not a customer.
  const all = { pageSize, activeTest: false };
  for await (const page of odoo.pages("res.company", { ...all, fields: ["name", "partner_id"] }))
    for (const c of parsePage(company, "res.company", page)) {
      ref.companies.set(c.id, { name: c.name ?? `Company ${c.id}`, partnerId: c.partner_id?.id ?? null });
      if (c.partner_id) ref.companyPartnerIds.add(c.partner_id.id);
    }
  for await (const page of odoo.pages("res.users", { ...all, fields: ["login", "share", "partner_id"] }))
    for (const u of parsePage(user, "res.users", page)) {
      if (!u.partner_id) continue;
      if (u.id === 1 || SYSTEM_LOGINS.has(u.login ?? "")) ref.systemPartnerIds.add(u.partner_id.id);
      else if (!u.share) ref.staffPartnerIds.add(u.partner_id.id);
    }
  const workEmails: WorkEmail[] = [];
  try {
    for await (const page of odoo.pages("hr.employee", { ...all, fields: ["work_contact_id", "work_email"] }))
      for (const e of parsePage(employee, "hr.employee", page)) {
        if (!e.work_contact_id) continue;
        ref.staffPartnerIds.add(e.work_contact_id.id);
        if (e.work_email) workEmails.push({ email: e.work_email, partnerId: e.work_contact_id.id });
      }
  } catch (err) {
    // Databases without the Employees app have no hr.employee; staff are then users and employee=true.
    if (!(err instanceof OdooMissingError)) throw err;
  }
  await loadStaffEmails(odoo, ref, workEmails, pageSize);
  for await (const page of odoo.pages("res.partner.category", { ...all, fields: ["name"] }))
    for (const c of parsePage(named, "res.partner.category", page)) if (c.name) ref.categories.set(c.id, c.name);
  for await (const page of odoo.pages("res.country", { ...all, fields: ["name", "code"] }))
    for (const c of parsePage(country, "res.country", page)) ref.countries.set(c.id, { name: c.name ?? "", code: c.code });
  return ref;
}

import { z } from "zod";
import { OdooMissingError, type OdooClient } from "@/lib/odoo";
import { many2one, odooId, parsePage, text } from "./odoo-values";

const userRow = z.looseObject({ id: odooId, partner_id: many2one });
const employeeRow = z.looseObject({ id: odooId, work_contact_id: many2one, work_email: text });
const companyRow = z.looseObject({ id: odooId, partner_id: many2one });
const blacklistRow = z.looseObject({ id: odooId, email: text });
const partnerRow = z.looseObject({ id: odooId });

export interface ChangedEligibility {
  /** Partners whose eligibility or payload may have changed without a res.partner write. */
  partnerIds: number[];
  /** Addresses whose holders may have changed eligibility (blacklisted or released, an employee's work email). */
  emails: string[];
}

interface Since {
  cursor: Date;
  overlapSeconds: number;
  pageSize: number;
}

/**
 * What changed a partner's eligibility without writing the partner: a user created, archived or made internal
 * (Odoo stamps the partner only when the stored partner_share flips, not for every user change), an employee
 * created or linked to a work contact or given a work email (a customer reusing it becomes staff_email), a
 * company renamed or given another partner (company records are never contacts; the company tag follows the
 * name), and an address put on or taken off the blacklist (is_blacklisted is not stored on the partner).
 * Read from each model's write_date, which Odoo also sets on create, archived rows included.
 */
export async function changedEligibility(odoo: OdooClient, since: Since): Promise<ChangedEligibility> {
  const partners = new Set<number>();
  const emails = new Set<string>();
  const all = { ...since, activeTest: false };
  for await (const { records } of odoo.changedSince("res.users", { ...all, fields: ["partner_id"] }))
    for (const u of parsePage(userRow, "res.users", records)) if (u.partner_id) partners.add(u.partner_id.id);
  try {
    for await (const { records } of odoo.changedSince("hr.employee", { ...all, fields: ["work_contact_id", "work_email"] }))
      for (const e of parsePage(employeeRow, "hr.employee", records)) {
        if (e.work_contact_id) partners.add(e.work_contact_id.id);
        if (e.work_email) emails.add(e.work_email.trim().toLowerCase());
      }
  } catch (err) {
    // Databases without the Employees app have no hr.employee (as in plan/reference-data.ts).
    if (!(err instanceof OdooMissingError)) throw err;
  }
  const companies: number[] = [];
  for await (const { records } of odoo.changedSince("res.company", { ...all, fields: ["partner_id"] }))
    for (const c of parsePage(companyRow, "res.company", records)) {
      companies.push(c.id);
      if (c.partner_id) partners.add(c.partner_id.id);
    }
  if (companies.length > 0) {
    const domain = [["company_id", "in", companies]] as [string, string, unknown][];
    for await (const page of odoo.pages("res.partner", { fields: ["id"], domain, pageSize: since.pageSize, activeTest: false }))
      for (const p of parsePage(partnerRow, "res.partner", page)) partners.add(p.id);
  }
  for await (const { records } of odoo.changedSince("mail.blacklist", { ...all, fields: ["email"] }))
    for (const b of parsePage(blacklistRow, "mail.blacklist", records)) if (b.email) emails.add(b.email.toLowerCase());
  return { partnerIds: [...partners].sort((a, b) => a - b), emails: [...emails].sort() };
}

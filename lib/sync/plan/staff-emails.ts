import { z } from "zod";
import type { OdooClient, OdooDomain } from "@/lib/odoo";
import { classifyEmail } from "@/lib/sync/email/classify-email";
import { chunks } from "./incremental-scope";
import { odooId, parsePage, text } from "./odoo-values";
import type { ReferenceData } from "./reference-data";

/** A staff member whose address a customer record also carries. */
export interface StaffMember {
  partnerId: number;
  name: string | null;
}

const partner = z.looseObject({ id: odooId, name: text, email: z.unknown() });

/**
 * Every address that belongs to staff (lib/sync/README.md "Eligibility": partners of internal users, employees'
 * work contacts, employee = true, partner_share false; archived included), normalised, with whose it is. A
 * customer record carrying one is the work address reused, never a marketing contact. Staff are a few hundred
 * people at most, so the map stays small whatever the number of customers.
 */
export async function loadStaffEmails(odoo: OdooClient, ref: ReferenceData, workEmails: WorkEmail[], pageSize: number): Promise<void> {
  const names = new Map<number, string | null>();
  const add = (raw: unknown, member: StaffMember) => {
    if (ref.systemPartnerIds.has(member.partnerId) || ref.companyPartnerIds.has(member.partnerId)) return;
    for (const email of addressesIn(raw)) {
      const members = ref.staffEmails.get(email) ?? [];
      if (!members.some((m) => m.partnerId === member.partnerId)) members.push(member);
      ref.staffEmails.set(email, members);
    }
  };
  const visit = (rows: unknown[]) => {
    for (const p of parsePage(partner, "res.partner", rows)) {
      names.set(p.id, p.name);
      add(p.email, { partnerId: p.id, name: p.name });
    }
  };
  const all = { pageSize, activeTest: false, fields: ["name", "email"] };
  const flagged: OdooDomain = ["|", ["employee", "=", true], ["partner_share", "=", false]];
  for await (const page of odoo.pages("res.partner", { ...all, domain: flagged })) visit(page);
  for (const ids of chunks([...ref.staffPartnerIds], pageSize)) visit(await odoo.read("res.partner", ids, all.fields, { activeTest: false }));
  // An employee's work email is usually its work contact's, but Odoo lets the two differ.
  for (const w of workEmails) add(w.email, { partnerId: w.partnerId, name: names.get(w.partnerId) ?? null });
}

/** hr.employee.work_email with the employee's work contact. */
export interface WorkEmail {
  email: string;
  partnerId: number;
}

/** One address, or each address of a field that holds several: all of them are the staff member's. */
function addressesIn(raw: unknown): string[] {
  const verdict = classifyEmail(raw);
  if (verdict.ok) return [verdict.email];
  if (verdict.kind !== "multiple_emails" || typeof raw !== "string") return [];
  return raw.split(/[;,\s]+/).flatMap((part) => {
    const one = classifyEmail(part);
    return one.ok ? [one.email] : [];
  });
}

import { z } from "zod";
import type { OdooClient } from "@/lib/odoo";
import { many2one, odooId, parsePage, text } from "./odoo-values";

const withCommercial = z.looseObject({ id: odooId, commercial_partner_id: many2one });
const withEmail = z.looseObject({ id: odooId, email_normalized: text });
const orderRow = z.looseObject({ id: odooId, partner_id: many2one });

export interface IncrementalOptions {
  cursor: Date;
  overlapSeconds: number;
  pageSize: number;
}

/**
 * The commercial partners whose families an incremental run re-plans: partners written since the cursor
 * (minus the overlap), buyers whose orders or invoices changed, and, because duplicates need the whole
 * picture, every other commercial partner holding one of those families' email addresses. Whole families,
 * because a company's buying feeds its contacts' ORDERS and LASTORDER.
 */
export async function incrementalScope(odoo: OdooClient, o: IncrementalOptions): Promise<number[]> {
  const since = { cursor: o.cursor, overlapSeconds: o.overlapSeconds, pageSize: o.pageSize };
  const commercial = new Set<number>();
  const orderPartners = new Set<number>();
  for await (const { records } of odoo.changedSince("res.partner", { ...since, fields: ["commercial_partner_id"], activeTest: false }))
    for (const p of parsePage(withCommercial, "res.partner", records)) commercial.add(p.commercial_partner_id?.id ?? p.id);
  for await (const { records } of odoo.changedSince("sale.order", { ...since, fields: ["partner_id"] }))
    for (const s of parsePage(orderRow, "sale.order", records)) if (s.partner_id) orderPartners.add(s.partner_id.id);
  const moves = [["move_type", "in", ["out_invoice", "out_refund"]]] as [string, string, unknown][];
  for await (const { records } of odoo.changedSince("account.move", { ...since, fields: ["commercial_partner_id"], domain: moves }))
    for (const m of parsePage(withCommercial, "account.move", records)) if (m.commercial_partner_id) commercial.add(m.commercial_partner_id.id);
  for (const chunk of chunks([...orderPartners], o.pageSize))
    for (const p of parsePage(withCommercial, "res.partner", await odoo.read("res.partner", chunk, ["commercial_partner_id"], { activeTest: false })))
      commercial.add(p.commercial_partner_id?.id ?? p.id);
  await addSameEmailFamilies(odoo, commercial, o.pageSize);
  return [...commercial].sort((a, b) => a - b);
}

/**
 * The commercial partners a targeted run (a repair) re-plans: those of the given partners and of every partner
 * holding one of the given emails, plus the same-email families the duplicate rule needs.
 */
export async function targetScope(odoo: OdooClient, o: { partnerIds: number[]; emails: string[]; pageSize: number }): Promise<number[]> {
  const commercial = new Set<number>();
  for (const chunk of chunks(o.partnerIds, o.pageSize))
    for (const p of parsePage(withCommercial, "res.partner", await odoo.read("res.partner", chunk, ["commercial_partner_id"], { activeTest: false })))
      commercial.add(p.commercial_partner_id?.id ?? p.id);
  for (const chunk of chunks(o.emails, o.pageSize)) {
    const domain = [["email_normalized", "in", chunk]] as [string, string, unknown][];
    for await (const page of odoo.pages("res.partner", { fields: ["commercial_partner_id"], domain, pageSize: o.pageSize, activeTest: false }))
      for (const p of parsePage(withCommercial, "res.partner", page)) commercial.add(p.commercial_partner_id?.id ?? p.id);
  }
  await addSameEmailFamilies(odoo, commercial, o.pageSize);
  return [...commercial].sort((a, b) => a - b);
}

async function addSameEmailFamilies(odoo: OdooClient, commercial: Set<number>, pageSize: number): Promise<void> {
  const emails = new Set<string>();
  for (const chunk of chunks([...commercial], pageSize)) {
    const domain = [["commercial_partner_id", "in", chunk]] as [string, string, unknown][];
    for await (const page of odoo.pages("res.partner", { fields: ["email_normalized"], domain, pageSize, activeTest: false }))
      for (const p of parsePage(withEmail, "res.partner", page)) if (p.email_normalized) emails.add(p.email_normalized.toLowerCase());
  }
  for (const chunk of chunks([...emails], pageSize)) {
    const domain = [["email_normalized", "in", chunk]] as [string, string, unknown][];
    for await (const page of odoo.pages("res.partner", { fields: ["commercial_partner_id"], domain, pageSize, activeTest: false }))
      for (const p of parsePage(withCommercial, "res.partner", page)) commercial.add(p.commercial_partner_id?.id ?? p.id);
  }
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

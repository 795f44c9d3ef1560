import { z } from "zod";
import type { OdooClient } from "@/lib/odoo";
import { many2one, odooId, parsePage, text } from "./odoo-values";
import { changedEligibility } from "./changed-eligibility";

const withCommercial = z.looseObject({ id: odooId, commercial_partner_id: many2one });
const withEmail = z.looseObject({ id: odooId, email_normalized: text });
const orderRow = z.looseObject({ id: odooId, partner_id: many2one });

export interface IncrementalOptions {
  cursor: Date;
  overlapSeconds: number;
  pageSize: number;
  /**
   * The addresses the engine last synced for any of these partners (sync_records.partner_ids). They are the
   * members an incremental run may have to take managed tags off (a departure), so their holders are read too.
   */
  syncedEmailsOf?: (partnerIds: number[]) => Promise<string[]>;
}

export interface IncrementalScope {
  /** Commercial partners whose families are re-planned. */
  families: number[];
  /** Addresses once synced for a partner of those families: the stage decides each of them whole. */
  departureEmails: string[];
}

/**
 * The commercial partners whose families an incremental run re-plans: partners written since the cursor
 * (minus the overlap), buyers whose orders or invoices changed, partners whose eligibility changed through
 * another model (users, employees, companies, the blacklist: plan/changed-eligibility.ts), and, because
 * duplicates need the whole picture, every other commercial partner holding one of those families' email
 * addresses or an address the engine last synced for them. Whole families, because a company's buying feeds
 * its contacts' ORDERS and LASTORDER.
 */
export async function incrementalScope(odoo: OdooClient, o: IncrementalOptions): Promise<IncrementalScope> {
  const since = { cursor: o.cursor, overlapSeconds: o.overlapSeconds, pageSize: o.pageSize };
  const commercial = new Set<number>();
  const orderPartners = new Set<number>();
  const extraEmails = new Set<string>();
  for await (const { records } of odoo.changedSince("res.partner", { ...since, fields: ["commercial_partner_id"], activeTest: false }))
    for (const p of parsePage(withCommercial, "res.partner", records)) commercial.add(p.commercial_partner_id?.id ?? p.id);
  for await (const { records } of odoo.changedSince("sale.order", { ...since, fields: ["partner_id"] }))
    for (const s of parsePage(orderRow, "sale.order", records)) if (s.partner_id) orderPartners.add(s.partner_id.id);
  const moves = [["move_type", "in", ["out_invoice", "out_refund"]]] as [string, string, unknown][];
  for await (const { records } of odoo.changedSince("account.move", { ...since, fields: ["commercial_partner_id"], domain: moves }))
    for (const m of parsePage(withCommercial, "account.move", records)) if (m.commercial_partner_id) commercial.add(m.commercial_partner_id.id);
  await addCommercialOf(odoo, [...orderPartners], o.pageSize, commercial);
  const changed = await changedEligibility(odoo, since);
  // An address blacklisted or released (or now an employee's) is decided whole too: its holders are read below,
  // and when nothing else changed no family of theirs is in `commercial` yet for syncedEmailsOf to find it.
  const departureEmails = new Set<string>(changed.emails);
  for (const email of changed.emails) extraEmails.add(email);
  await addCommercialOf(odoo, changed.partnerIds, o.pageSize, commercial);
  await addSameEmailFamilies(odoo, commercial, o.pageSize, extraEmails, async (partnerIds) => {
    const synced = (await o.syncedEmailsOf?.(partnerIds)) ?? [];
    for (const email of synced) departureEmails.add(email);
    return synced;
  });
  return { families: [...commercial].sort((a, b) => a - b), departureEmails: [...departureEmails].sort() };
}

/**
 * The commercial partners a targeted run (a repair) re-plans: those of the given partners and of every partner
 * holding one of the given emails, plus the same-email families the duplicate rule needs.
 */
export async function targetScope(odoo: OdooClient, o: { partnerIds: number[]; emails: string[]; pageSize: number }): Promise<number[]> {
  const commercial = new Set<number>();
  await addCommercialOf(odoo, o.partnerIds, o.pageSize, commercial);
  await addHoldersOf(odoo, o.emails, o.pageSize, commercial);
  await addSameEmailFamilies(odoo, commercial, o.pageSize);
  return [...commercial].sort((a, b) => a - b);
}

/**
 * Adds every family holding an address of the given families, of `extra`, or one `onFamilyPartners` returns
 * for a page of their partners (the addresses once synced for them).
 */
async function addSameEmailFamilies(
  odoo: OdooClient,
  commercial: Set<number>,
  pageSize: number,
  extra: Set<string> = new Set(),
  onFamilyPartners?: (partnerIds: number[]) => Promise<string[]>,
): Promise<void> {
  const emails = new Set<string>(extra);
  for (const chunk of chunks([...commercial], pageSize)) {
    const domain = [["commercial_partner_id", "in", chunk]] as [string, string, unknown][];
    for await (const page of odoo.pages("res.partner", { fields: ["email_normalized"], domain, pageSize, activeTest: false })) {
      const rows = parsePage(withEmail, "res.partner", page);
      for (const p of rows) if (p.email_normalized) emails.add(p.email_normalized.toLowerCase());
      for (const email of (await onFamilyPartners?.(rows.map((p) => p.id))) ?? []) emails.add(email);
    }
  }
  await addHoldersOf(odoo, [...emails], pageSize, commercial);
}

/** Adds the commercial partner of each partner id (a partner without one is its own). */
async function addCommercialOf(odoo: OdooClient, partnerIds: number[], pageSize: number, commercial: Set<number>): Promise<void> {
  for (const chunk of chunks(partnerIds, pageSize))
    for (const p of parsePage(withCommercial, "res.partner", await odoo.read("res.partner", chunk, ["commercial_partner_id"], { activeTest: false })))
      commercial.add(p.commercial_partner_id?.id ?? p.id);
}

/** Adds the commercial partner of every partner, archived too, holding one of the normalised emails. */
async function addHoldersOf(odoo: OdooClient, emails: string[], pageSize: number, commercial: Set<number>): Promise<void> {
  for (const chunk of chunks(emails, pageSize)) {
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

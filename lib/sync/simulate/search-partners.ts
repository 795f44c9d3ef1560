import { z } from "zod";
import type { OdooClient, OdooDomain } from "@/lib/odoo";
import { many2one, odooId, parsePage, text } from "@/lib/sync/plan/odoo-values";

export interface PartnerHit {
  id: number;
  name: string;
  email: string | null;
  isCompany: boolean;
  commercialName: string | null;
  active: boolean;
}

const hit = z.looseObject({ id: odooId, name: text, email: text, is_company: z.boolean(), commercial_partner_id: many2one, active: z.boolean() });

/** Partners to pick for the simulator: by id (digits, or #id), else name or email containing the text. Archived too. */
export async function searchPartners(odoo: OdooClient, query: string, limit = 20): Promise<PartnerHit[]> {
  const q = query.trim();
  if (!q) return [];
  const id = /^#?(\d{1,9})$/.exec(q);
  const domain: OdooDomain = id ? [["id", "=", Number(id[1])]] : ["|", ["name", "ilike", q], ["email", "ilike", q]];
  const rows = await odoo.searchPage("res.partner", {
    domain, limit, order: "name asc, id asc", activeTest: false,
    fields: ["name", "email", "is_company", "commercial_partner_id", "active"],
  });
  return parsePage(hit, "res.partner", rows).map((p) => ({
    id: p.id,
    name: p.name ?? `(no name, partner ${p.id})`,
    email: p.email,
    isCompany: p.is_company,
    commercialName: p.commercial_partner_id && p.commercial_partner_id.id !== p.id ? p.commercial_partner_id.name : null,
    active: p.active,
  }));
}

import { z } from "zod";
import type { OdooRecord } from "@/lib/odoo";
import { count, flag, ids, many2one, odooId, parsePage, text } from "./odoo-values";

const partnerSchema = z.looseObject({
  id: odooId,
  name: text,
  email: z.unknown(),
  is_company: flag,
  commercial_partner_id: many2one,
  type: text,
  supplier_rank: count,
  partner_share: z.union([z.boolean(), z.null()]),
  employee: flag,
  company_id: many2one,
  category_id: ids,
  active: z.boolean(),
  lang: text,
  country_id: many2one,
  street: text,
  city: text,
  zip: text,
  state_id: many2one.optional(),
  is_blacklisted: flag.optional(),
});

/** One res.partner as the planner sees it; `raw` keeps Odoo's values for policy field rules and consent. */
export interface PartnerRow {
  id: number;
  name: string | null;
  email: unknown;
  isCompany: boolean;
  commercialId: number;
  commercialName: string;
  type: string | null;
  supplierRank: number;
  /** Odoo: false when the partner belongs to an internal user (staff). */
  partnerShare: boolean;
  employee: boolean;
  companyId: number | null;
  categoryIds: number[];
  active: boolean;
  lang: string | null;
  countryId: number | null;
  street: string | null;
  city: string | null;
  zip: string | null;
  state: string | null;
  blacklisted: boolean;
  raw: OdooRecord;
}

export function parsePartners(page: OdooRecord[]): PartnerRow[] {
  return parsePage(partnerSchema, "res.partner", page).map((p, i) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    isCompany: p.is_company,
    commercialId: p.commercial_partner_id?.id ?? p.id,
    commercialName: p.commercial_partner_id?.name ?? p.name ?? "",
    type: p.type,
    supplierRank: p.supplier_rank,
    // null would mean the field could not be computed; treat as "not staff" only when Odoo says so.
    partnerShare: p.partner_share !== false,
    employee: p.employee,
    companyId: p.company_id?.id ?? null,
    categoryIds: p.category_id,
    active: p.active,
    lang: p.lang,
    countryId: p.country_id?.id ?? null,
    street: p.street,
    city: p.city,
    zip: p.zip,
    state: p.state_id?.name || null,
    blacklisted: p.is_blacklisted ?? false,
    raw: page[i] as OdooRecord,
  }));
}

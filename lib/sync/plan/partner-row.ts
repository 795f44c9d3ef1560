import type { OdooRecord } from "@/lib/odoo";
import {
  booleanField, countField, flagField, idField, idsField, many2oneField, nullableBooleanField, odooRow, optionalField, parseRows, textField, unknownField,
} from "./odoo-row";

const partnerRow = odooRow({
  id: idField,
  name: textField,
  email: unknownField,
  is_company: flagField,
  commercial_partner_id: many2oneField,
  type: textField,
  supplier_rank: countField,
  partner_share: nullableBooleanField,
  employee: flagField,
  company_id: many2oneField,
  category_id: idsField,
  active: booleanField,
  lang: textField,
  country_id: many2oneField,
  street: textField,
  city: textField,
  zip: textField,
  state_id: optionalField(many2oneField),
  is_blacklisted: optionalField(flagField),
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
  return parseRows(partnerRow, "res.partner", page).map((p, i) => ({
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

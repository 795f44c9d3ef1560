// The registry of emulated models, in dependency-free order.
import { moveLineSpec, moveSpec } from "./account.js";
import { categorySpec, companySpec, countrySpec, currencySpec, employeeSpec, productCategorySpec, productSpec, usersSpec } from "./base.js";
import { blacklistSpec } from "./blacklist.js";
import { partnerSpec } from "./partner.js";
import { saleOrderLineSpec, saleOrderSpec } from "./sales.js";
import type { ModelSpec } from "./types.js";

export function allSpecs(version: "17.0" | "19.0"): ModelSpec[] {
  const partner = version === "17.0" ? partnerSpec : withoutField(partnerSpec, "mobile");
  return [currencySpec, countrySpec, companySpec, partner, usersSpec, employeeSpec, categorySpec, productCategorySpec,
    productSpec, saleOrderSpec, saleOrderLineSpec, moveSpec, moveLineSpec, blacklistSpec];
}

/** Odoo 19 dropped res.partner.mobile; asking for it there is an "Invalid field" error. */
function withoutField(spec: ModelSpec, field: string): ModelSpec {
  const fields = { ...spec.fields };
  delete fields[field];
  return { ...spec, fields };
}

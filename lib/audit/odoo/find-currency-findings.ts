import { many2one, type OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { prefetch } from "@/lib/sync/plan/prefetch";
import { CONFIRMED_ORDERS } from "@/lib/sync/plan/scan-buying";
import { buildFinding } from "../build-finding";
import { EXAMPLE_LIMIT, type Finding, type FindingExample } from "../types";

/** res.company id -> the currencies its stores take (upper case): Bridgeline's stores (lib/commerce/ids.ts) are per currency. */
export type StoreCurrencies = Map<number, Set<string>>;

/**
 * Confirmed orders (the ones the commerce sync writes) in a currency that is neither their company's nor one of
 * that company's stores': each such currency would get a store of its own, splitting the company's revenue in
 * Mailchimp. Orders are read in keyset pages with four fields; companies once.
 */
export async function findCurrencyFindings(odoo: OdooClient, policy: Policy, stores: StoreCurrencies): Promise<{ finding: Finding; ordersRead: number }> {
  const pageSize = Math.min(policy.batching.odooPageSize, odoo.maxPageSize);
  const takes: StoreCurrencies = new Map();
  for await (const page of odoo.pages("res.company", { fields: ["currency_id"], pageSize, activeTest: false }))
    for (const c of page) {
      const currency = many2one(c.currency_id)?.name;
      const set = new Set(stores.get(c.id) ?? []);
      if (currency) set.add(currency.toUpperCase());
      takes.set(c.id, set);
    }
  let ordersRead = 0;
  let count = 0;
  const examples: FindingExample[] = [];
  const byCurrency: Record<string, number> = {};
  for await (const page of prefetch(odoo.pages("sale.order", { fields: ["name", "company_id", "currency_id", "partner_id"], domain: CONFIRMED_ORDERS, pageSize }))) {
    for (const o of page) {
      ordersRead++;
      const company = many2one(o.company_id);
      const currency = many2one(o.currency_id)?.name?.toUpperCase();
      if (!company || !currency || takes.get(company.id)?.has(currency)) continue;
      count++;
      byCurrency[currency] = (byCurrency[currency] ?? 0) + 1;
      const partner = many2one(o.partner_id);
      if (examples.length < EXAMPLE_LIMIT)
        examples.push({ label: `order ${typeof o.name === "string" ? o.name : o.id}`, ...(partner ? { partnerIds: [partner.id] } : {}),
          detail: `${currency} for ${company.name || `company ${company.id}`}, which takes ${[...(takes.get(company.id) ?? [])].join(", ") || "no currency"}` });
    }
  }
  const finding = buildFinding("order_currency_without_store", { count, severity: policy.commerce.enabled ? "warning" : "info", examples, facts: { byCurrency } });
  return { finding, ordersRead };
}

import { createHash } from "node:crypto";

/**
 * Mailchimp e-commerce ids for Odoo records: one place, so the commerce sync that writes them and the
 * reconciliation that reads them back agree. A store is one (Odoo company, audience, currency): Mailchimp ties a
 * store to one list for ever and takes one currency per store, so orders of one company or currency never share
 * a store. Ids are stable across runs (Odoo ids never change), which makes every write an idempotent upsert.
 */
export function storeIdFor(companyId: number, listId: string, currency: string): string {
  return `odoo-c${companyId}-${listId}-${currency.toLowerCase()}`;
}

/** Parses a store id back into its parts; null for stores Bridgeline did not create (never touched). */
export function parseStoreId(storeId: string): { companyId: number; listId: string; currency: string } | null {
  const m = /^odoo-c(\d+)-([A-Za-z0-9]+)-([a-z]{3})$/.exec(storeId);
  return m ? { companyId: Number(m[1]), listId: m[2]!, currency: m[3]!.toUpperCase() } : null;
}

/** sale.order id -> Mailchimp order id. */
export const orderIdFor = (saleOrderId: number): string => `so-${saleOrderId}`;
export function parseOrderId(orderId: string): number | null {
  const m = /^so-(\d+)$/.exec(orderId);
  return m ? Number(m[1]) : null;
}
/** sale.order.line id -> order line id. */
export const orderLineIdFor = (lineId: number): string => `sol-${lineId}`;
/** product.template id -> Mailchimp product; product.product id -> its variant. */
export const productIdFor = (templateId: number): string => `pt-${templateId}`;
export const variantIdFor = (productId: number): string => `pp-${productId}`;
/** A customer is the person by normalised email (the member key), the same in every store. */
export const customerIdFor = (normalisedEmail: string): string => `c-${createHash("md5").update(normalisedEmail).digest("hex")}`;

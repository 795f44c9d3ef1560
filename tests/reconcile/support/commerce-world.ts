import { storeIdFor, orderIdFor, customerIdFor } from "@/lib/commerce/ids";
import { put } from "@/emulators/odoo/data/put";
import { createOne } from "@/emulators/odoo/orm/write";
import type { World } from "@/tests/consent/support/consent-world";
import { mailchimpApi } from "./reconcile-world";

/**
 * Orders and credit notes in the Odoo emulator, and Bridgeline's stores and orders in the Mailchimp emulator
 * written through its API the way the commerce sync would (lib/commerce/ids.ts and the contract: order_total is
 * amount_total minus posted credit notes, never below 0; "refunded" when fully refunded; cancelled orders keep
 * their total and carry cancelled_at_foreign; processed_at_foreign is date_order).
 *
 * The Odoo emulator has no action_confirm or action_post: records are written into its store as Odoo's buttons
 * leave them, like reconcile-world's confirmedOrder (money in the store is whole cents).
 */
export function commerceTools(world: World) {
  const store = world.odooEmu.store;
  const write = (model: string, values: Record<string, unknown>, after: Record<string, unknown>) => {
    store.beginTransaction(2);
    const id = createOne(store, model, values);
    const rec = store.get(model, id);
    if (!rec) throw new Error(`no ${model} ${id}`);
    Object.assign(rec, after);
    return id;
  };
  const api = mailchimpApi(world);
  return {
    api,
    /** A currency Odoo knows (the consent fixture has USD only). */
    currency: (id: number, name: string) => put(store, "res.currency", { id, name, symbol: name, rounding: 0.01 }),
    order(o: { name: string; partnerId: number; companyId: number; currencyId: number; total: number; date: string; state: "sale" | "cancel" | "draft" }) {
      return write("sale.order", { name: o.name, partner_id: o.partnerId, partner_invoice_id: o.partnerId, partner_shipping_id: o.partnerId, company_id: o.companyId, date_order: o.date },
        { state: o.state, currency_id: o.currencyId, amount_total: Math.round(o.total * 100) });
    },
    /** A customer invoice (out_invoice) or credit note (out_refund) for an order. */
    move(m: { type: "out_invoice" | "out_refund"; state: "posted" | "draft" | "cancel"; companyId: number; currencyId: number; total: number; origin?: string; reverses?: number; orderId?: number }) {
      const id = write("account.move", { move_type: m.type, company_id: m.companyId, currency_id: m.currencyId, date: "2025-06-20" },
        { state: m.state, amount_total: Math.round(m.total * 100), invoice_origin: m.origin ?? false, reversed_entry_id: m.reverses ?? false });
      if (m.orderId) {
        const so = store.get("sale.order", m.orderId);
        if (so) so.invoice_ids = [...((so.invoice_ids as number[] | undefined) ?? []), id];
      }
      return id;
    },
    /** A store of ours with one product every order line points at. */
    async store(companyId: number, listId: string, currency: string) {
      const id = storeIdFor(companyId, listId, currency);
      await api("POST", "/ecommerce/stores", { id, list_id: listId, name: `Odoo ${companyId} ${currency}`, currency_code: currency });
      await api("POST", `/ecommerce/stores/${id}/products`, { id: "pt-1", title: "Thing", variants: [{ id: "pp-1", title: "Thing" }] });
      return id;
    },
    async sendOrder(storeId: string, o: { saleOrderId: number; email: string; currency: string; total: number; date: string; status?: string; cancelled?: boolean }) {
      await api("POST", `/ecommerce/stores/${storeId}/orders`, {
        id: orderIdFor(o.saleOrderId), customer: { id: customerIdFor(o.email), email_address: o.email, opt_in_status: false }, currency_code: o.currency,
        order_total: o.total, processed_at_foreign: `${o.date.replace(" ", "T")}+00:00`, ...(o.status ? { financial_status: o.status } : {}),
        ...(o.cancelled ? { financial_status: "cancelled", cancelled_at_foreign: "2025-06-25T00:00:00+00:00" } : {}),
        lines: [{ id: `sol-${o.saleOrderId}`, product_id: "pt-1", product_variant_id: "pp-1", quantity: 1, price: o.total }],
      });
    },
    editOrder: (storeId: string, orderId: string, patch: object) => api("PATCH", `/ecommerce/stores/${storeId}/orders/${orderId}`, patch),
    deleteOrder: (storeId: string, orderId: string) => api("DELETE", `/ecommerce/stores/${storeId}/orders/${orderId}`),
  };
}

import type { CreditNote, SaleOrder } from "./types";

/**
 * An order's money as Mailchimp gets it (see README.md, "Money"): Odoo's totals less the posted credit notes
 * linked to the order, in the order's currency, to the cent, never below zero. Fully refunded -> "refunded";
 * partly refunded -> the total is lowered and the status stays "paid" (Mailchimp has no partial-refund field);
 * cancelled -> "cancelled" with Odoo's totals as they were.
 */
export interface OrderMoney {
  orderTotal: number;
  taxTotal: number;
  financialStatus: "paid" | "refunded" | "cancelled";
  /** Refunded amount, in cents. */
  refundedCents: number;
}

export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

export function orderMoney(order: Pick<SaleOrder, "state" | "amountTotal" | "amountTax">, credits: Array<Pick<CreditNote, "amountTotal" | "amountTax">>): OrderMoney {
  const total = toCents(order.amountTotal);
  const tax = toCents(order.amountTax);
  if (order.state === "cancel") return { orderTotal: fromCents(total), taxTotal: fromCents(tax), financialStatus: "cancelled", refundedCents: 0 };
  const refunded = credits.reduce((sum, c) => sum + toCents(c.amountTotal), 0);
  const refundedTax = credits.reduce((sum, c) => sum + toCents(c.amountTax), 0);
  return {
    orderTotal: fromCents(Math.max(0, total - refunded)),
    taxTotal: fromCents(Math.max(0, tax - refundedTax)),
    financialStatus: refunded > 0 && refunded >= total ? "refunded" : "paid",
    refundedCents: refunded,
  };
}

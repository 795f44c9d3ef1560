import type { Emulator } from "../core/emulator.js";
import type { Json, Store } from "../core/ecommerce-types.js";
import { mailchimpTime } from "../core/time.js";

// What Mailchimp would email or trigger for an order write. Order notifications follow financial_status (paid /
// pending -> order confirmation or invoice, cancelled -> cancellation, refunded -> refund) and fulfillment_status
// (shipped -> shipping confirmation); a new order also starts purchase automations (first purchase, product
// follow-up). A store whose is_syncing is true sends and triggers nothing: that is how historical loads stay silent.
// Tests read the log through GET /_emulator/ecommerce/notifications.

export interface OrderNotification {
  store_id: string;
  order_id: string;
  kind: "order_confirmation" | "order_invoice" | "cancellation_confirmation" | "refund_confirmation" | "shipping_confirmation" | "purchase_automation";
  customer_id: string;
  at: string;
}

const FINANCIAL: Record<string, OrderNotification["kind"]> = {
  pending: "order_confirmation",
  paid: "order_invoice",
  cancelled: "cancellation_confirmation",
  refunded: "refund_confirmation",
};

export function isSyncing(store: Store): boolean {
  return store.fields.is_syncing === true;
}

/** before: the order as it was (null for a create); after: the stored order. */
export function recordOrderNotifications(emulator: Emulator, store: Store, before: Json | null, after: Json): void {
  if (isSyncing(store)) return;
  const kinds: OrderNotification["kind"][] = [];
  if (!before) kinds.push("purchase_automation");
  const financial = String(after.financial_status ?? "").toLowerCase();
  if (FINANCIAL[financial] && financial !== String(before?.financial_status ?? "").toLowerCase()) kinds.push(FINANCIAL[financial]);
  const fulfillment = String(after.fulfillment_status ?? "").toLowerCase();
  if (fulfillment === "shipped" && fulfillment !== String(before?.fulfillment_status ?? "").toLowerCase()) kinds.push("shipping_confirmation");
  const at = mailchimpTime(emulator.now());
  for (const kind of kinds) {
    emulator.account.notifications.push({ store_id: store.id, order_id: String(after.id), kind, customer_id: String(after.customer_id), at });
  }
}

import type { CustomerInput, OrderInput, OrderLine, ProductInput } from "@/lib/mailchimp";
import { payloadHash } from "@/lib/sync/plan/canonical-json";
import { customerIdFor, orderIdFor, orderLineIdFor, parseStoreId, productIdFor, storeIdFor, variantIdFor } from "./ids";
import { fromCents, orderMoney, toCents } from "./order-money";
import type { CommerceRead } from "./read-odoo";
import { selectCustomer } from "./select-customer";
import type { MemberRef, Product, SaleLine, SaleOrder } from "./types";

/** One record to write to a store, with the hash of its payload (what commerce_records remembers). */
export interface Planned<T> {
  id: string;
  body: T;
  hash: string;
}

/** A kept order's body: no customer, so the update can neither move it nor create, touch or re-add its buyer. */
export type KeptOrderInput = Omit<OrderInput, "customer">;

export interface PlannedOrder extends Planned<OrderInput | KeptOrderInput> {
  name: string;
  partnerId: number;
  /** The member it goes to; none for a kept order (its customer is whoever Mailchimp holds it for). */
  email?: string;
  /** A cancelled order is only ever an update of one Mailchimp already has. */
  cancelled: boolean;
  /**
   * An order sent while its buyer was a member, whose family has no member now (build-plan.ts planKeptOrders):
   * only ever updated (PATCH without a customer), in the store that holds it, never created.
   */
  kept: boolean;
}

export interface StorePlan {
  storeId: string;
  companyId: number;
  companyName: string;
  listId: string;
  currency: string;
  products: Map<string, Planned<ProductInput>>;
  customers: Map<string, Planned<CustomerInput>>;
  orders: PlannedOrder[];
}

export interface CommercePlan {
  stores: Map<string, StorePlan>;
  /** Orders whose family has no member (the policy left every one of them out) and that no store holds: never sent. */
  noMember: number;
  /** Orders whose family has no member: planKeptOrders updates those Bridgeline sent before, counts the others. */
  unrouted: SaleOrder[];
  /** Orders without a product line (sections and notes only): Mailchimp refuses an order without lines. */
  noLines: number;
  /**
   * Where each order without a product line would go: if Mailchimp has it from before (its last product line was
   * deleted, or became a section, a note or zero), it is deleted there, since Mailchimp cannot hold an empty order.
   */
  emptied: Array<{ storeId: string; listId: string; orderId: string; name: string }>;
}

/**
 * Pure: what every store should hold for the orders read. Stores are (order company, buyer's audience, order
 * currency), so one company's or currency's orders never reach another's store.
 */
export function buildPlan(read: CommerceRead, memberOf: (partnerId: number) => MemberRef | undefined): CommercePlan {
  const plan: CommercePlan = { stores: new Map(), noMember: 0, unrouted: [], noLines: 0, emptied: [] };
  for (const order of read.orders) {
    const commercial = read.commercialOf.get(order.partnerId) ?? order.partnerId;
    const member = selectCustomer(order.partnerId, commercial, read.families.get(commercial) ?? [], memberOf);
    if (!member) {
      plan.unrouted.push(order);
      continue;
    }
    const lines = productLines(read, order);
    const storeId = storeIdFor(order.companyId, member.audienceId, order.currency);
    if (lines.length === 0) {
      plan.noLines += 1;
      plan.emptied.push({ storeId, listId: member.audienceId, orderId: orderIdFor(order.id), name: order.name });
      continue;
    }
    const store = storeFor(plan, order, storeId, member.audienceId);
    for (const line of lines) addProduct(store, read, read.products.get(line.productId)!);
    const customer: CustomerInput = { id: customerIdFor(member.email), email_address: member.email, opt_in_status: false };
    store.customers.set(customer.id, { id: customer.id, body: customer, hash: payloadHash(customer) });
    const body = orderBody(order, lines, read, customer.id, member.email);
    store.orders.push({ id: body.id, body, hash: payloadHash(body), name: order.name, partnerId: order.partnerId, email: member.email, cancelled: order.state === "cancel", kept: false });
  }
  return plan;
}

/**
 * Pure: the orders of buyers who left every audience that Bridgeline sent before (`sentTo`: the stores of their
 * company and currency whose commerce_records hold them) keep following Odoo there (a cancellation, a credit note,
 * a line changed), so Mailchimp's revenue stays Odoo's. Each is an update of the order that store holds, without a
 * customer: the customer it was sent with stays, and no member is created, re-added or touched. An order no store
 * holds is never sent (counted in noMember); one that lost its last product line is deleted there.
 */
export function planKeptOrders(plan: CommercePlan, read: CommerceRead, sentTo: (orderId: string) => readonly string[]): void {
  for (const order of plan.unrouted) {
    const stores = sentTo(orderIdFor(order.id)).flatMap((storeId) => {
      const parts = parseStoreId(storeId);
      return parts ? [{ storeId, listId: parts.listId }] : [];
    });
    if (stores.length === 0) {
      plan.noMember += 1;
      continue;
    }
    const lines = productLines(read, order);
    if (lines.length === 0) plan.noLines += 1;
    for (const { storeId, listId } of stores) {
      if (lines.length === 0) {
        plan.emptied.push({ storeId, listId, orderId: orderIdFor(order.id), name: order.name });
        continue;
      }
      const store = storeFor(plan, order, storeId, listId);
      for (const line of lines) addProduct(store, read, read.products.get(line.productId)!);
      const { customer: _customer, ...body } = orderBody(order, lines, read, "", "");
      store.orders.push({ id: body.id, body, hash: payloadHash(body), name: order.name, partnerId: order.partnerId, cancelled: order.state === "cancel", kept: true });
    }
  }
  plan.unrouted = [];
}

/** The lines Mailchimp takes: a line brought to zero quantity sells nothing, skipped like sections and notes. */
function productLines(read: CommerceRead, order: SaleOrder): SaleLine[] {
  return (read.lines.get(order.id) ?? []).filter((l) => read.products.has(l.productId) && l.quantity > 0);
}

function storeFor(plan: CommercePlan, order: SaleOrder, storeId: string, listId: string): StorePlan {
  let store = plan.stores.get(storeId);
  if (!store) {
    store = { storeId, companyId: order.companyId, companyName: order.companyName, listId, currency: order.currency.toUpperCase(), products: new Map(), customers: new Map(), orders: [] };
    plan.stores.set(storeId, store);
  }
  return store;
}

/** A template with every variant Odoo has (archived ones included, so old orders still resolve). */
function addProduct(store: StorePlan, read: CommerceRead, product: Product): void {
  const id = productIdFor(product.templateId);
  if (store.products.has(id)) return;
  const variants = [...read.products.values()].filter((p) => p.templateId === product.templateId).sort((a, b) => a.id - b.id)
    .map((p) => ({ id: variantIdFor(p.id), title: p.name, sku: p.sku, price: fromCents(toCents(p.price)) }));
  const body: ProductInput = { id, title: product.templateName, type: product.category, vendor: "", variants: variants as ProductInput["variants"] };
  store.products.set(id, { id, body, hash: payloadHash(body) });
}

/**
 * Lines: unit price and the line's discount amount (Odoo's percent applied), to the cent. Mailchimp wants whole
 * quantities: a fractional one (1.5 kg) is sent as one unit at the line's price, so the money stays right.
 */
export function orderLine(line: SaleLine, product: Product): OrderLine {
  const whole = Number.isInteger(line.quantity);
  const quantity = whole ? line.quantity : 1;
  const unitCents = whole ? toCents(line.priceUnit) : toCents(line.priceUnit * line.quantity);
  const discountCents = Math.round((unitCents * quantity * line.discountPercent) / 100);
  return { id: orderLineIdFor(line.id), product_id: productIdFor(product.templateId), product_variant_id: variantIdFor(product.id),
    quantity, price: fromCents(unitCents), discount: fromCents(discountCents) };
}

function orderBody(order: SaleOrder, lines: SaleLine[], read: CommerceRead, customerId: string, email: string): OrderInput {
  const money = orderMoney(order, read.credits.get(order.id) ?? []);
  const mcLines = lines.map((l) => orderLine(l, read.products.get(l.productId)!));
  const body: OrderInput = {
    // The customer in full (never opted in), so the order stands even if its customer's own PUT was refused.
    id: orderIdFor(order.id), customer: { id: customerId, email_address: email, opt_in_status: false }, currency_code: order.currency.toUpperCase(),
    order_total: money.orderTotal, tax_total: money.taxTotal,
    discount_total: fromCents(mcLines.reduce((sum, l) => sum + toCents(l.discount ?? 0), 0)),
    financial_status: money.financialStatus, processed_at_foreign: order.dateOrder.toISOString(), lines: mcLines,
  };
  if (order.state === "cancel") body.cancelled_at_foreign = order.writeDate.toISOString();
  return body;
}

import type { CustomerInput, Order, OrderInput, OrderUpdate, OrdersPage, PageOptions, ProductInput, Store, StoreInput, StoresPage, StoreUpdate } from "./ecommerce-types";
import type { Runner } from "./runner";

/**
 * E-commerce wrappers. Orders have no PUT: add once, PATCH afterwards (lines merged by id, never removed). Products must exist before an order
 * references them (missing_product otherwise).
 */
export function createEcommerceApi(run: Runner) {
  return {
    stores: {
      add: (store: StoreInput) => run<Store>((s) => s.ecommerce.addStore(store)),
      get: (storeId: string) => run<Store>((s) => s.ecommerce.getStore(storeId)),
      update: (storeId: string, patch: StoreUpdate) => run<Store>((s) => s.ecommerce.updateStore(storeId, patch)),
      /** One page of the account's stores (count 1..1000). */
      list: (opts: PageOptions) => run<StoresPage>((s) => s.ecommerce.stores(opts)),
    },
    customers: {
      /** PUT upsert; opt_in_status never overrides an existing member's status. */
      set: (storeId: string, customer: CustomerInput) =>
        run<CustomerInput & Record<string, unknown>>((s) => s.ecommerce.setStoreCustomer(storeId, customer.id, customer)),
    },
    products: {
      add: (storeId: string, product: ProductInput) =>
        run<ProductInput & Record<string, unknown>>((s) => s.ecommerce.addStoreProduct(storeId, product)),
      update: (storeId: string, productId: string, patch: Partial<ProductInput>) =>
        run<ProductInput & Record<string, unknown>>((s) => s.ecommerce.updateStoreProduct(storeId, productId, patch)),
    },
    orders: {
      add: (storeId: string, order: OrderInput) => run<Order>((s) => s.ecommerce.addStoreOrder(storeId, order)),
      update: (storeId: string, orderId: string, patch: OrderUpdate) =>
        run<Order>((s) => s.ecommerce.updateOrder(storeId, orderId, patch)),
      get: (storeId: string, orderId: string) => run<Order>((s) => s.ecommerce.getOrder(storeId, orderId)),
      delete: (storeId: string, orderId: string) => run<unknown>((s) => s.ecommerce.deleteOrder(storeId, orderId)),
      /** PATCH upserts lines by id and keeps the ones it does not name: a line gone from the order is deleted here. */
      deleteLine: (storeId: string, orderId: string, lineId: string) => run<unknown>((s) => s.ecommerce.deleteOrderLineItem(storeId, orderId, lineId)),
      /** One page of a store's orders (count 1..1000): the read-back pages these, never one request per order. */
      list: (storeId: string, opts: PageOptions) => run<OrdersPage>((s) => s.ecommerce.getStoreOrders(storeId, opts)),
    },
  };
}

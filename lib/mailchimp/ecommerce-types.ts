/** E-commerce wire shapes (subset of the v3 spec we write and read). */
export interface Address {
  address1?: string;
  address2?: string;
  city?: string;
  province?: string;
  province_code?: string;
  postal_code?: string;
  country?: string;
  country_code?: string;
}

export interface StoreInput {
  id: string;
  /** Fixed forever once the store exists: one store, one audience. */
  list_id: string;
  name: string;
  currency_code: string;
  platform?: string;
  domain?: string;
  is_syncing?: boolean;
  email_address?: string;
  money_format?: string;
  primary_locale?: string;
  timezone?: string;
  phone?: string;
  address?: Address;
}

export type StoreUpdate = Partial<Omit<StoreInput, "id" | "list_id">>;
export type Store = StoreInput & Record<string, unknown>;

export interface CustomerInput {
  id: string;
  email_address: string;
  /** Never overrides an existing member's status. */
  opt_in_status: boolean;
  company?: string;
  first_name?: string;
  last_name?: string;
  address?: Address;
}

export interface ProductVariant {
  id: string;
  title: string;
  url?: string;
  sku?: string;
  price?: number;
  inventory_quantity?: number;
}

export interface ProductInput {
  id: string;
  title: string;
  variants: [ProductVariant, ...ProductVariant[]];
  handle?: string;
  url?: string;
  description?: string;
  type?: string;
  vendor?: string;
  image_url?: string;
  published_at_foreign?: string;
}

export interface OrderLine {
  id: string;
  product_id: string;
  product_variant_id: string;
  quantity: number;
  price: number;
  discount?: number;
}

export interface OrderInput {
  id: string;
  customer: { id: string; email_address?: string; opt_in_status?: boolean; first_name?: string; last_name?: string; company?: string };
  currency_code: string;
  order_total: number;
  lines: OrderLine[];
  discount_total?: number;
  tax_total?: number;
  shipping_total?: number;
  financial_status?: string;
  fulfillment_status?: string;
  processed_at_foreign?: string;
  updated_at_foreign?: string;
  cancelled_at_foreign?: string;
  campaign_id?: string;
  landing_site?: string;
  order_url?: string;
}

export type OrderUpdate = Partial<Omit<OrderInput, "id" | "customer" | "lines">> & {
  lines?: Array<Partial<OrderLine>>;
};

export type Order = OrderInput & Record<string, unknown>;

export interface PageOptions {
  count: number;
  offset: number;
  fields?: string[];
}

export interface StoresPage {
  stores: Array<Partial<Store> & { id: string }>;
  total_items: number;
}

export interface OrdersPage {
  orders: Array<Partial<Order> & { id: string }>;
  total_items: number;
}

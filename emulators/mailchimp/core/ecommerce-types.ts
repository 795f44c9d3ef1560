// E-commerce resources of the emulated account, keyed by store.

export type Json = Record<string, unknown>;

export interface Store {
  id: string;
  list_id: string;
  fields: Json;
  created_at: string;
  updated_at: string;
  customers: Map<string, Json>;
  products: Map<string, Json>;
  orders: Map<string, Json>;
}

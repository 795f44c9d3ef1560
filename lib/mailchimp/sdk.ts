import mailchimpSingleton from "@mailchimp/mailchimp_marketing";

/**
 * Typed view of the parts of @mailchimp/mailchimp_marketing we use. The package's default export is a
 * process-wide singleton whose setConfig() would leak one account's key into another's calls, so we build
 * our own ApiClient and our own API objects around it, exactly as the package's ApiClient does for itself.
 */
export interface SdkApiClient {
  basePath: string;
  timeout: number;
  defaultHeaders: Record<string, string>;
  setConfig(config: { apiKey: string; server?: string }): void;
  callApi(path: string, httpMethod: string, ...rest: unknown[]): Promise<{ data: unknown; response: unknown }>;
}

export interface SdkLists {
  getList(listId: string, opts?: object): Promise<unknown>;
  getAllLists(opts?: object): Promise<unknown>;
  getListMergeFields(listId: string, opts?: object): Promise<unknown>;
  addListMergeField(listId: string, body: object): Promise<unknown>;
  getListMembersInfo(listId: string, opts?: object): Promise<unknown>;
  getListMember(listId: string, hash: string, opts?: object): Promise<unknown>;
  setListMember(listId: string, hash: string, body: object, opts?: object): Promise<unknown>;
  updateListMemberTags(listId: string, hash: string, body: object): Promise<unknown>;
  batchListMembers(listId: string, body: object, opts?: object): Promise<unknown>;
  createListWebhook(listId: string, body: object): Promise<unknown>;
  getListWebhooks(listId: string): Promise<unknown>;
  deleteListWebhook(listId: string, webhookId: string): Promise<unknown>;
  updateListWebhook(listId: string, webhookId: string, body: object): Promise<unknown>;
}

export interface SdkBatches {
  start(body: object): Promise<unknown>;
  status(batchId: string, opts?: object): Promise<unknown>;
  deleteRequest(batchId: string): Promise<unknown>;
}

export interface SdkEcommerce {
  addStore(body: object): Promise<unknown>;
  getStore(storeId: string, opts?: object): Promise<unknown>;
  updateStore(storeId: string, body: object): Promise<unknown>;
  setStoreCustomer(storeId: string, customerId: string, body: object): Promise<unknown>;
  addStoreProduct(storeId: string, body: object): Promise<unknown>;
  updateStoreProduct(storeId: string, productId: string, body: object): Promise<unknown>;
  getStoreProduct(storeId: string, productId: string, opts?: object): Promise<unknown>;
  addStoreOrder(storeId: string, body: object): Promise<unknown>;
  updateOrder(storeId: string, orderId: string, body: object): Promise<unknown>;
  deleteOrder(storeId: string, orderId: string): Promise<unknown>;
  deleteOrderLineItem(storeId: string, orderId: string, lineId: string): Promise<unknown>;
  getOrder(storeId: string, orderId: string, opts?: object): Promise<unknown>;
  stores(opts?: object): Promise<unknown>;
  getStoreOrders(storeId: string, opts?: object): Promise<unknown>;
}

export interface SdkPing {
  get(): Promise<unknown>;
}

export interface Sdk {
  apiClient: SdkApiClient;
  lists: SdkLists;
  batches: SdkBatches;
  ecommerce: SdkEcommerce;
  ping: SdkPing;
}

/**
 * The package's entry exports its singleton ApiClient; its constructor builds a fresh client whose
 * constructor wires every API object (lists, batches, ...) to that new instance. Reaching the class through
 * the entry (not through src/ subpaths) keeps the package external to Next's bundler, which otherwise
 * inlines the subpaths and breaks their circular requires.
 */
type SdkClientInstance = SdkApiClient & Omit<Sdk, "apiClient">;
type Ctor<T> = new () => T;

export function createSdk(): Sdk {
  const ApiClient = (mailchimpSingleton as unknown as { constructor: Ctor<SdkClientInstance> }).constructor;
  const client = new ApiClient();
  return { apiClient: client, lists: client.lists, batches: client.batches, ecommerce: client.ecommerce, ping: client.ping };
}
